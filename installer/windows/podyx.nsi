; Podyx Desktop — Windows installer (NSIS 3). Packs the PyInstaller bundle built on
; Windows (installer\podyx.spec's layout: podyx-desktop.exe, podyx-admin.exe,
; podyx-server.exe and _internal\) into one setup program that installs for every user
; of the machine. podyx-server.exe is the studio server (a console program, like
; podyx-admin.exe; docs\server.md): installed when the bundle has it, neither started
; nor registered as a Windows service here.
;
; Build (on Windows, after `pyinstaller installer\podyx.spec`):
;   makensis /DPAYLOAD=..\..\dist\podyx /DVERSION=0.1.0 installer\windows\podyx.nsi
;
; Silent roll-out (see installer\README.md):
;   PodyxDesktopSetup-0.1.0.exe /S /DATABASE=postgresql://frontdesk@db.studio.lan/podyx /LOCK=1 /D=C:\Program Files\Podyx
;     /S          no questions, no windows
;     /DATABASE=  the studio's database URL, written to the machine-wide settings
;     /LOCK=1     lock it: users cannot point the app elsewhere
;     /D=         the install folder (NSIS: must come last, no quotes)
; Silent removal, keeping users' data:  "C:\Program Files\Podyx\uninstall.exe" /S
; ... and removing the machine settings and the current user's data too: add /PURGE

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef PAYLOAD
  !error "Pass /DPAYLOAD=<the bundle folder> (dist\podyx) to makensis."
!endif
!ifndef OUTFILE
  !define OUTFILE "PodyxDesktopSetup-${VERSION}.exe"
!endif

!define APP "Podyx Desktop"
!define SETTINGS_KEY "Software\Podyx\Podyx Desktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\PodyxDesktop"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Podyx"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
ManifestDPIAware true

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "Podyx"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "LegalCopyright" "Podyx"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"

Var Database
Var Lock

Function .onInit
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DATABASE=" $Database
  ClearErrors
  ${GetOptions} $R0 "/LOCK=" $Lock
FunctionEnd

Section "Podyx Desktop" Main
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*"  ; every program in the bundle, podyx-server.exe too
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; the machine-wide settings the app reads (docs\configuration.md)
  ${If} $Database != ""
    WriteRegStr HKLM "${SETTINGS_KEY}" "database_url" "$Database"
  ${EndIf}
  ${If} $Lock == "1"
    WriteRegStr HKLM "${SETTINGS_KEY}" "locked" "database_url"
  ${EndIf}

  CreateDirectory "$SMPROGRAMS\Podyx"
  CreateShortCut "$SMPROGRAMS\Podyx\${APP}.lnk" "$INSTDIR\podyx-desktop.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Podyx"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\podyx-desktop.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Function un.onInit
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\podyx-desktop.exe"
  Delete "$INSTDIR\podyx-admin.exe"
  Delete "$INSTDIR\podyx-server.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Podyx\${APP}.lnk"
  RMDir "$SMPROGRAMS\Podyx"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"

  ; users' databases, settings and logs stay unless /PURGE is given
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    DeleteRegKey HKLM "${SETTINGS_KEY}"
    SetShellVarContext current
    RMDir /r "$LOCALAPPDATA\Podyx\Podyx Desktop"
    RMDir /r "$APPDATA\Podyx\Podyx Desktop"
    DeleteRegKey HKCU "${SETTINGS_KEY}"
  ${EndIf}
SectionEnd
