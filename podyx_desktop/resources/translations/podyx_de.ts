<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>edited {when}</source>
        <translation>bearbeitet am {when}</translation>
    </message>
    <message>
        <source>Buffer (min)</source>
        <translation>Puffer (Min.)</translation>
    </message>
    <message>
        <source>Lead time (h)</source>
        <translation>Vorlaufzeit (Std.)</translation>
    </message>
    <message>
        <source>Cancel cutoff (h)</source>
        <translation>Stornofrist (Std.)</translation>
    </message>
    <message>
        <source>Reschedule cutoff (h)</source>
        <translation>Verschiebefrist (Std.)</translation>
    </message>
    <message>
        <source>Max reschedules</source>
        <translation>Max. Verschiebungen</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marked received</source>
        <translation>
            <numerusform>%n als eingegangen markiert</numerusform>
            <numerusform>%n als eingegangen markiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n had been approved on another seat</source>
        <translation>
            <numerusform>%n war bereits an einem anderen Platz bestätigt</numerusform>
            <numerusform>%n waren bereits an einem anderen Platz bestätigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be marked</source>
        <translation>
            <numerusform>%n konnte nicht markiert werden</numerusform>
            <numerusform>%n konnten nicht markiert werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) waiting</source>
        <translation>
            <numerusform>%n Zahlung ausstehend</numerusform>
            <numerusform>%n Zahlungen ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) shown; more load as you scroll</source>
        <translation>
            <numerusform>%n Zahlung angezeigt; weitere laden beim Blättern</numerusform>
            <numerusform>%n Zahlungen angezeigt; weitere laden beim Blättern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Mark %n transfer(s) received</source>
        <translation>
            <numerusform>%n Überweisung als eingegangen &amp;markieren</numerusform>
            <numerusform>%n Überweisungen als eingegangen &amp;markieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n purchase(s) to {file}.</source>
        <translation>
            <numerusform>%n Kauf nach {file} exportiert.</numerusform>
            <numerusform>%n Käufe nach {file} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>A weekday is a number from 0 (Monday) to 6 (Sunday).</source>
        <translation>Ein Wochentag ist eine Zahl von 0 (Montag) bis 6 (Sonntag).</translation>
    </message>
    <message>
        <source>Opening time must be before closing time, within one day.</source>
        <translation>Die Öffnungszeit muss vor der Schließzeit liegen, am selben Tag.</translation>
    </message>
    <message>
        <source>“{name}” is not a time zone name. Use an IANA name such as Europe/Berlin.</source>
        <translation>„{name}“ ist keine Zeitzone. Verwenden Sie einen IANA-Namen wie Europe/Berlin.</translation>
    </message>
    <message>
        <source>{naive:%Y-%m-%d %H:%M} happens twice in {key} (the clocks go back). Choose the earlier or the later one.</source>
        <translation>{naive:%Y-%m-%d %H:%M} gibt es in {key} zweimal (die Uhren werden zurückgestellt). Wählen Sie den früheren oder den späteren Zeitpunkt.</translation>
    </message>
    <message>
        <source>{naive:%Y-%m-%d %H:%M} does not exist in {zone_name} (the clocks skip it for daylight saving). Pick another time.</source>
        <translation>{naive:%Y-%m-%d %H:%M} gibt es in {zone_name} nicht (die Uhren springen wegen der Sommerzeit darüber). Wählen Sie eine andere Zeit.</translation>
    </message>
    <message>
        <source>that time zone</source>
        <translation>dieser Zeitzone</translation>
    </message>
    <message>
        <source>{moment:%Y-%m-%d %H:%M} has no time zone. Give the time in UTC or in the studio&apos;s time zone.</source>
        <translation>{moment:%Y-%m-%d %H:%M} hat keine Zeitzone. Geben Sie die Zeit in UTC oder in der Zeitzone des Studios an.</translation>
    </message>
    <message>
        <source>Session length and step must be positive.</source>
        <translation>Termindauer und Schrittweite müssen positiv sein.</translation>
    </message>
    <message>
        <source>This client has no bundle with sessions left. Choose another payment method, or issue or sell them a bundle first.</source>
        <translation>Dieser Kunde hat kein Paket mit verbleibenden Terminen. Wählen Sie eine andere Zahlungsart, oder stellen Sie ihm zuerst ein Paket aus bzw. verkaufen Sie ihm eines.</translation>
    </message>
    <message>
        <source>None of this client&apos;s bundles covers this setup and service. Choose one their bundle covers, or another payment method.</source>
        <translation>Keines der Pakete dieses Kunden deckt diesen Aufbau und diese Leistung ab. Wählen Sie etwas, das sein Paket abdeckt, oder eine andere Zahlungsart.</translation>
    </message>
    <message>
        <source>This client&apos;s bundle pays for sessions of {hours}: choose that length, or another payment method.</source>
        <translation>Das Paket dieses Kunden bezahlt Termine von {hours}: Wählen Sie diese Dauer oder eine andere Zahlungsart.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} Std.</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{first} or {then}</source>
        <translation>{first} oder {then}</translation>
    </message>
    <message>
        <source>The code has a typo: check it against the one the studio gave you.</source>
        <translation>Der Code enthält einen Tippfehler: Vergleichen Sie ihn mit dem Code, den Ihnen das Studio gegeben hat.</translation>
    </message>
    <message>
        <source>e.g. studio.example.com or https://studio.example.com:8443</source>
        <translation>z. B. studio.example.com oder https://studio.example.com:8443</translation>
    </message>
    <message>
        <source>Enter the studio&apos;s address, {example}.</source>
        <translation>Geben Sie die Adresse des Studios ein, {example}.</translation>
    </message>
    <message>
        <source>The address cannot contain spaces; type it as one word, {example}.</source>
        <translation>Die Adresse darf keine Leerzeichen enthalten; schreiben Sie sie als ein Wort, {example}.</translation>
    </message>
    <message>
        <source>Leave the user name and password out of the address; you sign in in the window.</source>
        <translation>Lassen Sie Benutzername und Passwort aus der Adresse weg; Sie melden sich im Fenster an.</translation>
    </message>
    <message>
        <source>Give only the studio&apos;s address, without a path or anything after it, e.g. https://studio.example.com:8443.</source>
        <translation>Geben Sie nur die Adresse des Studios an, ohne Pfad oder etwas danach, z. B. https://studio.example.com:8443.</translation>
    </message>
    <message>
        <source>Plain http:// is only allowed for a server on this computer (localhost, 127.0.0.1); a studio&apos;s server is reached with https://. Use https:// or the connect code the studio gave you.</source>
        <translation>Einfaches http:// ist nur für einen Server auf diesem Computer erlaubt (localhost, 127.0.0.1); den Server eines Studios erreicht man mit https://. Verwenden Sie https:// oder den Verbindungscode, den Ihnen das Studio gegeben hat.</translation>
    </message>
    <message>
        <source>The address has no host name, {example}.</source>
        <translation>Die Adresse hat keinen Hostnamen, {example}.</translation>
    </message>
    <message>
        <source>“{host}” is not an IP address: four numbers from 0 to 255 with dots, e.g. 192.168.1.20.</source>
        <translation>„{host}“ ist keine IP-Adresse: vier Zahlen von 0 bis 255 mit Punkten, z. B. 192.168.1.20.</translation>
    </message>
    <message>
        <source>“{host}” is not a valid host name. Check the spelling.</source>
        <translation>„{host}“ ist kein gültiger Hostname. Prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>“{host}” is not a valid host name: use letters, digits, dots and dashes, {example}.</source>
        <translation>„{host}“ ist kein gültiger Hostname: Verwenden Sie Buchstaben, Ziffern, Punkte und Bindestriche, {example}.</translation>
    </message>
    <message>
        <source>Podyx reaches the studio with https:// (“{scheme}://” is not possible); give its address, {example}.</source>
        <translation>Podyx erreicht das Studio mit https:// („{scheme}://“ ist nicht möglich); geben Sie seine Adresse an, {example}.</translation>
    </message>
    <message>
        <source>An IPv6 address in square brackets needs its closing “]”, e.g. https://[2001:db8::1]:8443.</source>
        <translation>Eine IPv6-Adresse in eckigen Klammern braucht ihre schließende „]“, z. B. https://[2001:db8::1]:8443.</translation>
    </message>
    <message>
        <source>After an IPv6 address in square brackets only “:port” may follow, e.g. https://[2001:db8::1]:8443.</source>
        <translation>Nach einer IPv6-Adresse in eckigen Klammern darf nur „:Port“ folgen, z. B. https://[2001:db8::1]:8443.</translation>
    </message>
    <message>
        <source>The port “{text}” is not possible: it is a number from 1 to 65535, e.g. studio.example.com:8443.</source>
        <translation>Der Port „{text}“ ist nicht möglich: Er ist eine Zahl von 1 bis 65535, z. B. studio.example.com:8443.</translation>
    </message>
    <message>
        <source>“{text}” is not an IPv6 address. Check it, and write it in square brackets when a port follows, e.g. https://[2001:db8::1]:8443.</source>
        <translation>„{text}“ ist keine IPv6-Adresse. Prüfen Sie sie, und schreiben Sie sie in eckige Klammern, wenn ein Port folgt, z. B. https://[2001:db8::1]:8443.</translation>
    </message>
    <message>
        <source>An IPv6 address with a zone (“%…”) cannot be used; give the studio&apos;s host name or a global address.</source>
        <translation>Eine IPv6-Adresse mit Zone („%…“) kann nicht verwendet werden; geben Sie den Hostnamen des Studios oder eine globale Adresse an.</translation>
    </message>
    <message>
        <source>A certificate&apos;s SHA-256 fingerprint is 32 pairs of hex digits (0–9, A–F), like AB:CD:…; check it against the one the studio gave you.</source>
        <translation>Der SHA-256-Fingerabdruck eines Zertifikats besteht aus 32 Paaren von Hexziffern (0–9, A–F), etwa AB:CD:…; vergleichen Sie ihn mit dem, den Ihnen das Studio gegeben hat.</translation>
    </message>
    <message>
        <source>A connect code starts with “PODYX1-”; check it against the one the studio gave you.</source>
        <translation>Ein Verbindungscode beginnt mit „PODYX1-“; vergleichen Sie ihn mit dem, den Ihnen das Studio gegeben hat.</translation>
    </message>
    <message>
        <source>This connect code is for a newer Podyx Desktop. Install the newer version, or connect with the studio&apos;s address.</source>
        <translation>Dieser Verbindungscode ist für ein neueres Podyx Desktop. Installieren Sie die neuere Version, oder verbinden Sie sich mit der Adresse des Studios.</translation>
    </message>
    <message>
        <source>This connect code asks for something this Podyx Desktop does not know. Install the newest version, or connect with the studio&apos;s address.</source>
        <translation>Dieser Verbindungscode verlangt etwas, das dieses Podyx Desktop nicht kennt. Installieren Sie die neueste Version, oder verbinden Sie sich mit der Adresse des Studios.</translation>
    </message>
    <message>
        <source>Please sign in to do this.</source>
        <translation>Bitte melden Sie sich dafür an.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Ihr Konto darf das nicht.</translation>
    </message>
    <message>
        <source>The email or password is not correct. Check them and try again.</source>
        <translation>E-Mail-Adresse oder Passwort sind nicht korrekt. Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your saved sign-in has expired. Please sign in again.</source>
        <translation>Ihre gespeicherte Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>That time was just taken. Please pick another time.</source>
        <translation>Diese Zeit wurde gerade vergeben. Bitte wählen Sie eine andere Zeit.</translation>
    </message>
    <message>
        <source>Another seat is saving; try again in a moment.</source>
        <translation>Ein anderer Arbeitsplatz speichert gerade; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>A receipt number needs between 1 and 12 digits.</source>
        <translation>Eine Belegnummer braucht 1 bis 12 Ziffern.</translation>
    </message>
    <message>
        <source>A receipt prefix is at most 20 characters without spaces.</source>
        <translation>Ein Belegpräfix hat höchstens 20 Zeichen ohne Leerzeichen.</translation>
    </message>
    <message>
        <source>A series that restarts every year must show the year, or numbers would repeat.</source>
        <translation>Ein Nummernkreis, der jedes Jahr neu beginnt, muss das Jahr zeigen, sonst würden sich Nummern wiederholen.</translation>
    </message>
    <message>
        <source>This session is canceled; it cannot be {verb}.</source>
        <translation>Dieser Termin ist storniert; er kann nicht mehr {verb} werden.</translation>
    </message>
    <message>
        <source>This session has taken place; it cannot be {verb}.</source>
        <translation>Dieser Termin hat stattgefunden; er kann nicht mehr {verb} werden.</translation>
    </message>
    <message>
        <source>This session was marked as a no-show; it cannot be {verb}.</source>
        <translation>Dieser Termin wurde als „nicht erschienen“ markiert; er kann nicht mehr {verb} werden.</translation>
    </message>
    <message>
        <source>This session has already started; it cannot be canceled.</source>
        <translation>Dieser Termin hat bereits begonnen; er kann nicht mehr storniert werden.</translation>
    </message>
    <message>
        <source>Cancellation closed {cancel_cutoff_hours} h before the session. Please contact the studio.</source>
        <translation>Stornierungen waren bis {cancel_cutoff_hours} Std. vor dem Termin möglich. Bitte wenden Sie sich an das Studio.</translation>
    </message>
    <message>
        <source>This session has already started; it cannot be rescheduled.</source>
        <translation>Dieser Termin hat bereits begonnen; er kann nicht mehr verschoben werden.</translation>
    </message>
    <message>
        <source>Rescheduling closed {reschedule_cutoff_hours} h before the session. Please contact the studio.</source>
        <translation>Verschieben war bis {reschedule_cutoff_hours} Std. vor dem Termin möglich. Bitte wenden Sie sich an das Studio.</translation>
    </message>
    <message numerus="yes">
        <source>This session has been rescheduled %n time(s), the most the studio allows. Please contact the studio.</source>
        <translation>
            <numerusform>Dieser Termin wurde bereits %n-mal verschoben, so oft wie das Studio es erlaubt. Bitte wenden Sie sich an das Studio.</numerusform>
            <numerusform>Dieser Termin wurde bereits %n-mal verschoben, so oft wie das Studio es erlaubt. Bitte wenden Sie sich an das Studio.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add-ons can only be added before the session starts.</source>
        <translation>Zusatzleistungen können nur vor Beginn des Termins hinzugefügt werden.</translation>
    </message>
    <message>
        <source>There is no promo code “{code}”. Check the spelling.</source>
        <translation>Es gibt keinen Aktionscode „{code}“. Prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>The promo code “{code}” is not valid yet.</source>
        <translation>Der Aktionscode „{code}“ ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>The promo code “{code}” has expired.</source>
        <translation>Der Aktionscode „{code}“ ist abgelaufen.</translation>
    </message>
    <message>
        <source>The promo code “{code}” does not apply to anything in this order.</source>
        <translation>Der Aktionscode „{code}“ gilt für nichts in dieser Bestellung.</translation>
    </message>
    <message>
        <source>The promo code “{code}” has been used up.</source>
        <translation>Der Aktionscode „{code}“ ist aufgebraucht.</translation>
    </message>
    <message>
        <source>You have already used the promo code “{code}”.</source>
        <translation>Sie haben den Aktionscode „{code}“ bereits verwendet.</translation>
    </message>
    <message>
        <source>booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>client record</source>
        <translation>Kundenakte</translation>
    </message>
    <message>
        <source>room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>setup</source>
        <translation>Aufbau</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>add-on</source>
        <translation>Zusatzleistung</translation>
    </message>
    <message>
        <source>promo code</source>
        <translation>Aktionscode</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>credit note</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>bundle product</source>
        <translation>Paketangebot</translation>
    </message>
    <message>
        <source>a room</source>
        <translation>einen Raum</translation>
    </message>
    <message>
        <source>a service</source>
        <translation>eine Leistung</translation>
    </message>
    <message>
        <source>an add-on</source>
        <translation>eine Zusatzleistung</translation>
    </message>
    <message>
        <source>a bundle</source>
        <translation>ein Paket</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>vat number</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>address line 1</source>
        <translation>Adresszeile 1</translation>
    </message>
    <message>
        <source>address line 2</source>
        <translation>Adresszeile 2</translation>
    </message>
    <message>
        <source>postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>city</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>registration number</source>
        <translation>Registernummer</translation>
    </message>
    <message>
        <source>bank details</source>
        <translation>Bankverbindung</translation>
    </message>
    <message>
        <source>buffer minutes</source>
        <translation>Pufferminuten</translation>
    </message>
    <message>
        <source>lead time hours</source>
        <translation>Vorlaufzeit in Stunden</translation>
    </message>
    <message>
        <source>cancel cutoff hours</source>
        <translation>Stornierungsfrist in Stunden</translation>
    </message>
    <message>
        <source>reschedule cutoff hours</source>
        <translation>Verschiebefrist in Stunden</translation>
    </message>
    <message>
        <source>max reschedules</source>
        <translation>Höchstzahl an Verschiebungen</translation>
    </message>
    <message>
        <source>change your email</source>
        <translation>Ihre E-Mail-Adresse zu ändern</translation>
    </message>
    <message>
        <source>change it</source>
        <translation>es zu ändern</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>no show</source>
        <translation>nicht erschienen</translation>
    </message>
    <message>
        <source>rescheduled</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>front desk</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Nothing is left to refund on this purchase.</source>
        <translation>Für diesen Kauf ist nichts mehr zu erstatten.</translation>
    </message>
    <message>
        <source>Give the amount to refund.</source>
        <translation>Geben Sie den zu erstattenden Betrag an.</translation>
    </message>
    <message>
        <source>Give the client a reason for the refusal.</source>
        <translation>Nennen Sie dem Kunden einen Grund für die Ablehnung.</translation>
    </message>
    <message>
        <source>Give a reason for moving the session outside the studio&apos;s rules.</source>
        <translation>Nennen Sie einen Grund, warum der Termin außerhalb der Regeln des Studios verschoben wird.</translation>
    </message>
    <message>
        <source>Say why this booking is outside the studio&apos;s rules; the reason is kept in the audit log.</source>
        <translation>Geben Sie an, warum diese Buchung außerhalb der Regeln des Studios liegt; der Grund wird im Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Bundle credit pays for the session only. Book it without add-ons (they can be added to the booking afterwards and paid on their own), or choose another payment method.</source>
        <translation>Paketguthaben bezahlt nur den Termin. Buchen Sie ihn ohne Zusatzleistungen (diese können danach zur Buchung hinzugefügt und einzeln bezahlt werden), oder wählen Sie eine andere Zahlungsart.</translation>
    </message>
    <message>
        <source>Cannot write {path} ({reason}).</source>
        <translation>{path} kann nicht geschrieben werden ({reason}).</translation>
    </message>
    <message>
        <source>That code does not work for this email: it is wrong, used or expired. Check both, or ask the studio for a new code.</source>
        <translation>Dieser Code gilt nicht für diese E-Mail-Adresse: Er ist falsch, bereits verwendet oder abgelaufen. Prüfen Sie beides, oder bitten Sie das Studio um einen neuen Code.</translation>
    </message>
    <message>
        <source>The first address line</source>
        <translation>Die erste Adresszeile</translation>
    </message>
    <message>
        <source>The second address line</source>
        <translation>Die zweite Adresszeile</translation>
    </message>
    <message>
        <source>The postal code</source>
        <translation>Die Postleitzahl</translation>
    </message>
    <message>
        <source>The city</source>
        <translation>Der Ort</translation>
    </message>
    <message>
        <source>{what} is at most {limit} characters long.</source>
        <translation>{what} darf höchstens {limit} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Give the country as its two-letter code, for example DE or GB.</source>
        <translation>Geben Sie das Land als zweistelligen Code an, zum Beispiel DE oder GB.</translation>
    </message>
    <message>
        <source>An account with {email} already exists. Sign in instead, or use another email.</source>
        <translation>Ein Konto mit {email} gibt es bereits. Melden Sie sich stattdessen an, oder verwenden Sie eine andere E-Mail-Adresse.</translation>
    </message>
    <message numerus="yes">
        <source>This account is locked after too many failed sign-ins. Try again in %n minute(s), or ask the studio to help.</source>
        <translation>
            <numerusform>Dieses Konto ist nach zu vielen fehlgeschlagenen Anmeldungen gesperrt. Versuchen Sie es in %n Minute erneut, oder bitten Sie das Studio um Hilfe.</numerusform>
            <numerusform>Dieses Konto ist nach zu vielen fehlgeschlagenen Anmeldungen gesperrt. Versuchen Sie es in %n Minuten erneut, oder bitten Sie das Studio um Hilfe.</numerusform>
        </translation>
    </message>
    <message>
        <source>That account does not exist.</source>
        <translation>Dieses Konto gibt es nicht.</translation>
    </message>
    <message>
        <source>You cannot take the owner role from yourself; ask another owner.</source>
        <translation>Sie können sich die Inhaberrolle nicht selbst entziehen; bitten Sie einen anderen Inhaber.</translation>
    </message>
    <message>
        <source>Name the account to show.</source>
        <translation>Nennen Sie das anzuzeigende Konto.</translation>
    </message>
    <message>
        <source>Name the account to change.</source>
        <translation>Nennen Sie das zu ändernde Konto.</translation>
    </message>
    <message>
        <source>The password is not correct. Enter your current password to {what}.</source>
        <translation>Das Passwort ist nicht korrekt. Geben Sie Ihr aktuelles Passwort ein, um {what}.</translation>
    </message>
    <message>
        <source>Another account already uses {email}. Choose a different email.</source>
        <translation>Ein anderes Konto verwendet bereits {email}. Wählen Sie eine andere E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Das neue Passwort muss sich vom aktuellen unterscheiden.</translation>
    </message>
    <message>
        <source>Company names are at most 200 and VAT IDs 40 characters long.</source>
        <translation>Firmennamen dürfen höchstens 200, USt-IdNrn. höchstens 40 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>by the studio, for the client</source>
        <translation>vom Studio, für den Kunden</translation>
    </message>
    <message>
        <source>That booking does not exist.</source>
        <translation>Diese Buchung gibt es nicht.</translation>
    </message>
    <message>
        <source>Every add-on you can add is already on this session. To change a quantity, please contact the studio.</source>
        <translation>Alle Zusatzleistungen, die Sie hinzufügen können, sind bereits bei diesem Termin. Um eine Menge zu ändern, wenden Sie sich bitte an das Studio.</translation>
    </message>
    <message>
        <source>No add-ons can be added to this session after booking.</source>
        <translation>Zu diesem Termin können nach der Buchung keine Zusatzleistungen hinzugefügt werden.</translation>
    </message>
    <message>
        <source>This booking cannot be canceled.</source>
        <translation>Diese Buchung kann nicht storniert werden.</translation>
    </message>
    <message>
        <source>Late cancellation: {why} {reason}</source>
        <translation>Kurzfristige Stornierung: {why} {reason}</translation>
    </message>
    <message>
        <source>Late cancellation: {why}</source>
        <translation>Kurzfristige Stornierung: {why}</translation>
    </message>
    <message>
        <source>Session canceled</source>
        <translation>Termin storniert</translation>
    </message>
    <message>
        <source>Only studio staff can move a session outside the studio&apos;s rules.</source>
        <translation>Nur Mitarbeitende des Studios können einen Termin außerhalb der Regeln des Studios verschieben.</translation>
    </message>
    <message>
        <source>This booking cannot be rescheduled.</source>
        <translation>Diese Buchung kann nicht verschoben werden.</translation>
    </message>
    <message>
        <source>Pick a different time to reschedule to.</source>
        <translation>Wählen Sie eine andere Zeit, auf die verschoben werden soll.</translation>
    </message>
    <message>
        <source>Choose at least one add-on.</source>
        <translation>Wählen Sie mindestens eine Zusatzleistung.</translation>
    </message>
    <message>
        <source>Add-ons cannot be added now.</source>
        <translation>Zusatzleistungen können jetzt nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Add-ons cannot be paid with bundle credit.</source>
        <translation>Zusatzleistungen können nicht mit Paketguthaben bezahlt werden.</translation>
    </message>
    <message>
        <source>This session already has that add-on; ask the studio to change the quantity.</source>
        <translation>Dieser Termin hat diese Zusatzleistung bereits; bitten Sie das Studio, die Menge zu ändern.</translation>
    </message>
    <message>
        <source>A session&apos;s outcome is completed or no-show.</source>
        <translation>Das Ergebnis eines Termins ist „abgeschlossen“ oder „nicht erschienen“.</translation>
    </message>
    <message>
        <source>This session is {status}; its outcome cannot change.</source>
        <translation>Dieser Termin hat den Status „{status}“; sein Ergebnis kann sich nicht mehr ändern.</translation>
    </message>
    <message>
        <source>A session&apos;s outcome can be recorded once it has started.</source>
        <translation>Das Ergebnis eines Termins kann erst nach seinem Beginn erfasst werden.</translation>
    </message>
    <message>
        <source>This booking was canceled a moment ago on another seat.</source>
        <translation>Diese Buchung wurde gerade an einem anderen Arbeitsplatz storniert.</translation>
    </message>
    <message>
        <source>This session was marked completed a moment ago on another seat.</source>
        <translation>Dieser Termin wurde gerade an einem anderen Arbeitsplatz als abgeschlossen markiert.</translation>
    </message>
    <message>
        <source>This session was marked a no-show a moment ago on another seat.</source>
        <translation>Dieser Termin wurde gerade an einem anderen Arbeitsplatz als „nicht erschienen“ markiert.</translation>
    </message>
    <message>
        <source>This booking was confirmed a moment ago on another seat. Look at it again before changing it.</source>
        <translation>Diese Buchung wurde gerade an einem anderen Arbeitsplatz bestätigt. Sehen Sie sie sich noch einmal an, bevor Sie sie ändern.</translation>
    </message>
    <message>
        <source>This booking was moved a moment ago on another seat. Look at it again before changing it.</source>
        <translation>Diese Buchung wurde gerade an einem anderen Arbeitsplatz verschoben. Sehen Sie sie sich noch einmal an, bevor Sie sie ändern.</translation>
    </message>
    <message>
        <source>That bundle does not exist.</source>
        <translation>Dieses Paket gibt es nicht.</translation>
    </message>
    <message>
        <source>Give a reason for issuing the bundle; it goes into the audit log.</source>
        <translation>Nennen Sie einen Grund für die Ausgabe des Pakets; er wird im Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Issue between 1 and 1000 sessions.</source>
        <translation>Geben Sie zwischen 1 und 1000 Termine aus.</translation>
    </message>
    <message>
        <source>That bundle product does not exist.</source>
        <translation>Dieses Paketangebot gibt es nicht.</translation>
    </message>
    <message>
        <source>This bundle has expired; its sessions can no longer be booked.</source>
        <translation>Dieses Paket ist abgelaufen; seine Termine können nicht mehr gebucht werden.</translation>
    </message>
    <message>
        <source>This bundle is awaiting payment; it can be used once the studio has recorded the payment.</source>
        <translation>Dieses Paket wartet auf Zahlung; es kann verwendet werden, sobald das Studio die Zahlung erfasst hat.</translation>
    </message>
    <message>
        <source>This bundle cannot be used on that setup. Pick one of the setups it covers.</source>
        <translation>Dieses Paket kann für diesen Aufbau nicht verwendet werden. Wählen Sie einen der Aufbauten, die es abdeckt.</translation>
    </message>
    <message>
        <source>This bundle does not cover that service.</source>
        <translation>Dieses Paket deckt diese Leistung nicht ab.</translation>
    </message>
    <message>
        <source>This bundle has no sessions left. Buy another bundle or book and pay.</source>
        <translation>Dieses Paket hat keine Termine mehr. Kaufen Sie ein weiteres Paket, oder buchen und bezahlen Sie.</translation>
    </message>
    <message>
        <source>No service on that setup is covered by this bundle.</source>
        <translation>Keine Leistung auf diesem Aufbau ist durch dieses Paket abgedeckt.</translation>
    </message>
    <message>
        <source>Only studio staff can override a price.</source>
        <translation>Nur Mitarbeitende des Studios können einen Preis ändern.</translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation>Ein Preis darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>Each add-on can be chosen once; set its quantity instead.</source>
        <translation>Jede Zusatzleistung kann einmal gewählt werden; legen Sie stattdessen ihre Menge fest.</translation>
    </message>
    <message>
        <source>That add-on is not offered with “{service}”.</source>
        <translation>Diese Zusatzleistung wird mit „{service}“ nicht angeboten.</translation>
    </message>
    <message>
        <source>“{addon}” can only be chosen when booking. Ask the studio.</source>
        <translation>„{addon}“ kann nur beim Buchen gewählt werden. Fragen Sie das Studio.</translation>
    </message>
    <message>
        <source>Choose between 1 and {max_quantity} of “{addon}”.</source>
        <translation>Wählen Sie zwischen 1 und {max_quantity} von „{addon}“.</translation>
    </message>
    <message>
        <source>There is already {what} called “{name}”. Choose another name.</source>
        <translation>Es gibt bereits {what} namens „{name}“. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>There is no {what} with id {missing}. Refresh and try again.</source>
        <translation>{what} mit der ID {missing} nicht gefunden. Aktualisieren Sie die Ansicht und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>That room does not exist. Refresh and try again.</source>
        <translation>Diesen Raum gibt es nicht. Aktualisieren Sie die Ansicht und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>a setup in “{room}”</source>
        <translation>einen Aufbau in „{room}“</translation>
    </message>
    <message>
        <source>“{service}” cannot be booked for {session_minutes} minutes, the bundle&apos;s session length. Change the length or the services.</source>
        <translation>„{service}“ kann nicht für {session_minutes} Minuten gebucht werden, die Termindauer des Pakets. Ändern Sie die Dauer oder die Leistungen.</translation>
    </message>
    <message>
        <source>The promo code “{code}” already exists. Choose another code.</source>
        <translation>Den Aktionscode „{code}“ gibt es bereits. Wählen Sie einen anderen Code.</translation>
    </message>
    <message>
        <source>{label} is already closed on {day}.</source>
        <translation>{label} ist am {day} bereits geschlossen.</translation>
    </message>
    <message>
        <source>Choose either a room or a setup whose booking rules to change.</source>
        <translation>Wählen Sie entweder einen Raum oder einen Aufbau, dessen Buchungsregeln geändert werden sollen.</translation>
    </message>
    <message>
        <source>That {entity} does not exist. Refresh and try again.</source>
        <translation>{entity} nicht gefunden. Aktualisieren Sie die Ansicht und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The hourly rate cannot be negative.</source>
        <translation>Der Stundensatz darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>That service does not exist. Refresh and try again.</source>
        <translation>Diese Leistung gibt es nicht. Aktualisieren Sie die Ansicht und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The {what} number format can no longer change: {what} numbers have been issued with it, and the series must stay unbroken.</source>
        <translation>Das Nummernformat „{what}“ kann nicht mehr geändert werden: Es wurden bereits Nummern ({what}) damit vergeben, und der Nummernkreis muss lückenlos bleiben.</translation>
    </message>
    <message>
        <source>Another series already uses the prefix “{prefix}”. Receipts and credit notes need different prefixes.</source>
        <translation>Ein anderer Nummernkreis verwendet bereits das Präfix „{prefix}“. Belege und Gutschriften brauchen verschiedene Präfixe.</translation>
    </message>
    <message>
        <source>The studio has no {kind} series yet. Set the studio up first.</source>
        <translation>Das Studio hat noch keinen Nummernkreis „{kind}“. Richten Sie zuerst das Studio ein.</translation>
    </message>
    <message>
        <source>The studio</source>
        <translation>Das Studio</translation>
    </message>
    <message>
        <source>The room “{room}”</source>
        <translation>Der Raum „{room}“</translation>
    </message>
    <message>
        <source>The studio&apos;s {label} can be at most {limit} characters long.</source>
        <translation>Das Feld „{label}“ des Studios darf höchstens {limit} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Enter the studio&apos;s name.</source>
        <translation>Geben Sie den Namen des Studios ein.</translation>
    </message>
    <message>
        <source>Enter the country as a two-letter code such as DE or GB.</source>
        <translation>Geben Sie das Land als zweistelligen Code wie DE oder GB ein.</translation>
    </message>
    <message>
        <source>“{code}” is not a currency code. Use an ISO 4217 code such as EUR, GBP or USD.</source>
        <translation>„{code}“ ist kein Währungscode. Verwenden Sie einen ISO-4217-Code wie EUR, GBP oder USD.</translation>
    </message>
    <message>
        <source>“{code}” is not a locale this installation of Podyx formats. Use a code such as en_GB or de_DE.</source>
        <translation>„{code}“ ist kein Gebietsschema, das diese Podyx-Installation formatiert. Verwenden Sie einen Code wie en_GB oder de_DE.</translation>
    </message>
    <message>
        <source>A VAT rate is between 0 % and 100 % (0 to 10000 basis points).</source>
        <translation>Ein MwSt.-Satz liegt zwischen 0 % und 100 % (0 bis 10000 Basispunkte).</translation>
    </message>
    <message>
        <source>The {name} cannot be negative.</source>
        <translation>Der Wert „{name}“ darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>Give the {what} a name of 1 to {limit} characters.</source>
        <translation>Geben Sie einen Namen mit 1 bis {limit} Zeichen ein ({what}).</translation>
    </message>
    <message>
        <source>A reason can be at most {limit} characters long.</source>
        <translation>Ein Grund darf höchstens {limit} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A service needs a positive minimum length no longer than its maximum, and a positive step.</source>
        <translation>Eine Leistung braucht eine positive Mindestdauer, die nicht länger als ihre Höchstdauer ist, und eine positive Schrittweite.</translation>
    </message>
    <message>
        <source>Steps of {step_minutes} minutes must lead from the minimum length ({min_minutes}) to the maximum ({max_minutes}) exactly.</source>
        <translation>Schritte von {step_minutes} Minuten müssen genau von der Mindestdauer ({min_minutes}) zur Höchstdauer ({max_minutes}) führen.</translation>
    </message>
    <message>
        <source>Choose at least one setup to offer the service on.</source>
        <translation>Wählen Sie mindestens einen Aufbau, auf dem die Leistung angeboten wird.</translation>
    </message>
    <message>
        <source>An add-on&apos;s price cannot be negative.</source>
        <translation>Der Preis einer Zusatzleistung darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The maximum quantity is at least 1.</source>
        <translation>Die Höchstmenge ist mindestens 1.</translation>
    </message>
    <message>
        <source>Choose at least one service to offer the add-on with.</source>
        <translation>Wählen Sie mindestens eine Leistung, mit der die Zusatzleistung angeboten wird.</translation>
    </message>
    <message>
        <source>A bundle needs at least one session and a positive session length.</source>
        <translation>Ein Paket braucht mindestens einen Termin und eine positive Termindauer.</translation>
    </message>
    <message>
        <source>A bundle&apos;s price cannot be negative.</source>
        <translation>Der Preis eines Pakets darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>A bundle is valid for at least one day (leave it empty for no expiry).</source>
        <translation>Ein Paket gilt mindestens einen Tag (leer lassen für unbegrenzte Gültigkeit).</translation>
    </message>
    <message>
        <source>Choose at least one setup the bundle can be used on.</source>
        <translation>Wählen Sie mindestens einen Aufbau, für den das Paket verwendet werden kann.</translation>
    </message>
    <message>
        <source>A promo code is 1 to 40 letters, digits, dashes or underscores, without spaces.</source>
        <translation>Ein Aktionscode besteht aus 1 bis 40 Buchstaben, Ziffern, Binde- oder Unterstrichen, ohne Leerzeichen.</translation>
    </message>
    <message>
        <source>A percentage discount is between 0.01 % and 100 % (1 to 10000 basis points).</source>
        <translation>Ein prozentualer Rabatt liegt zwischen 0,01 % und 100 % (1 bis 10000 Basispunkte).</translation>
    </message>
    <message>
        <source>A fixed discount must be more than zero.</source>
        <translation>Ein fester Rabatt muss größer als null sein.</translation>
    </message>
    <message>
        <source>A promo code must become valid before it expires.</source>
        <translation>Ein Aktionscode muss gültig werden, bevor er abläuft.</translation>
    </message>
    <message>
        <source>A use limit is at least 1 (leave it empty for none).</source>
        <translation>Ein Nutzungslimit ist mindestens 1 (leer lassen für keines).</translation>
    </message>
    <message>
        <source>Two opening intervals on {day} overlap: {open_minute}–{close_minute} and {open_minute2}–{close_minute2}. Merge them into one.</source>
        <translation>Zwei Öffnungszeiten am {day} überschneiden sich: {open_minute}–{close_minute} und {open_minute2}–{close_minute2}. Fassen Sie sie zusammen.</translation>
    </message>
    <message>
        <source>A setup cannot move to another room: its bookings hold that room. Retire it and add a setup in the other room instead.</source>
        <translation>Ein Aufbau kann nicht in einen anderen Raum wechseln: Seine Buchungen belegen diesen Raum. Nehmen Sie ihn außer Betrieb und legen Sie stattdessen einen Aufbau im anderen Raum an.</translation>
    </message>
    <message numerus="yes">
        <source>“{code}” has been used %n time(s) already; its total limit cannot be lower than that.</source>
        <translation>
            <numerusform>„{code}“ wurde bereits %n-mal verwendet; sein Gesamtlimit kann nicht niedriger sein.</numerusform>
            <numerusform>„{code}“ wurde bereits %n-mal verwendet; sein Gesamtlimit kann nicht niedriger sein.</numerusform>
        </translation>
    </message>
    <message>
        <source>That {kind} does not exist. Refresh and try again.</source>
        <translation>{kind} nicht gefunden. Aktualisieren Sie die Ansicht und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>That bundle is not on sale.</source>
        <translation>Dieses Paket wird nicht verkauft.</translation>
    </message>
    <message>
        <source>Choose the client this is for.</source>
        <translation>Wählen Sie den Kunden, für den dies ist.</translation>
    </message>
    <message>
        <source>You can only book for yourself.</source>
        <translation>Sie können nur für sich selbst buchen.</translation>
    </message>
    <message>
        <source>Sign in, or create an account to finish booking.</source>
        <translation>Melden Sie sich an oder legen Sie ein Konto an, um die Buchung abzuschließen.</translation>
    </message>
    <message>
        <source>Please accept the studio&apos;s terms to continue.</source>
        <translation>Bitte akzeptieren Sie die Bedingungen des Studios, um fortzufahren.</translation>
    </message>
    <message>
        <source>Bundle credit is spent from the Bundles tab: redeem a session there.</source>
        <translation>Paketguthaben wird im Tab „Pakete“ eingesetzt: Lösen Sie dort einen Termin ein.</translation>
    </message>
    <message>
        <source>Only studio staff can book outside the studio&apos;s rules or change a price.</source>
        <translation>Nur Mitarbeitende des Studios können außerhalb der Regeln des Studios buchen oder einen Preis ändern.</translation>
    </message>
    <message>
        <source>The studio server keeps copies for clients; staff seats connect to the studio&apos;s database directly.</source>
        <translation>Der Studioserver hält Kopien für Kunden bereit; Arbeitsplätze der Mitarbeitenden verbinden sich direkt mit der Datenbank des Studios.</translation>
    </message>
    <message>
        <source>Only the studio server itself asks who may hear of a change.</source>
        <translation>Nur der Studioserver selbst fragt, wer von einer Änderung erfahren darf.</translation>
    </message>
    <message>
        <source>Your account is no longer active. Please sign in again.</source>
        <translation>Ihr Konto ist nicht mehr aktiv. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Only studio staff with the {minimum} role or higher can do this.</source>
        <translation>Das dürfen nur Mitarbeitende des Studios mit der Rolle „{minimum}“ oder höher.</translation>
    </message>
    <message>
        <source>That record does not exist or is not yours.</source>
        <translation>Diesen Eintrag gibt es nicht, oder er gehört nicht zu Ihrem Konto.</translation>
    </message>
    <message>
        <source>That client does not exist.</source>
        <translation>Diesen Kunden gibt es nicht.</translation>
    </message>
    <message>
        <source>That {what} does not exist or is not yours.</source>
        <translation>{what} nicht gefunden oder für Ihr Konto nicht sichtbar.</translation>
    </message>
    <message>
        <source>This database has no studio yet. Run `podyx-admin demo` for a demo studio, or set up the studio first.</source>
        <translation>Diese Datenbank hat noch kein Studio. Führen Sie `podyx-admin demo` für ein Demostudio aus, oder richten Sie zuerst das Studio ein.</translation>
    </message>
    <message>
        <source>The account of {full_name} is not locked (perhaps it was unlocked a moment ago on another seat); they can sign in.</source>
        <translation>Das Konto von {full_name} ist nicht gesperrt (vielleicht wurde es gerade an einem anderen Arbeitsplatz entsperrt); die Anmeldung ist möglich.</translation>
    </message>
    <message>
        <source>The account of {full_name} is not locked any more.</source>
        <translation>Das Konto von {full_name} ist nicht mehr gesperrt.</translation>
    </message>
    <message>
        <source>The first day ({first}) is after the last one ({last}).</source>
        <translation>Der erste Tag ({first}) liegt nach dem letzten ({last}).</translation>
    </message>
    <message>
        <source>A chunk holds at least one purchase.</source>
        <translation>Ein Abschnitt enthält mindestens einen Kauf.</translation>
    </message>
    <message>
        <source>“{name}” cannot be read ({reason}). Check that the file exists and that you may open it.</source>
        <translation>„{name}“ kann nicht gelesen werden ({reason}). Prüfen Sie, ob die Datei existiert und ob Sie sie öffnen dürfen.</translation>
    </message>
    <message>
        <source>“{name}” could not be read to the end ({reason}); nothing was shared.</source>
        <translation>„{name}“ konnte nicht bis zum Ende gelesen werden ({reason}); es wurde nichts geteilt.</translation>
    </message>
    <message>
        <source>“{name}” is larger than the studio&apos;s limit of {limit_mib:,} MiB for shared files. Upload it to a file host and share the link instead, or ask the owner to raise the limit in Set-up.</source>
        <translation>„{name}“ ist größer als das Limit des Studios von {limit_mib:,} MiB für geteilte Dateien. Laden Sie sie bei einem Dateihoster hoch und teilen Sie stattdessen den Link, oder bitten Sie den Inhaber, das Limit in der Einrichtung zu erhöhen.</translation>
    </message>
    <message>
        <source>Give the file a name, such as “Episode 12 final.mp3”.</source>
        <translation>Geben Sie der Datei einen Namen, etwa „Folge 12 final.mp3“.</translation>
    </message>
    <message>
        <source>A file name can be at most 255 characters long.</source>
        <translation>Ein Dateiname darf höchstens 255 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>“{text}” is not a web address. Paste a link that starts with https://.</source>
        <translation>„{text}“ ist keine Webadresse. Fügen Sie einen Link ein, der mit https:// beginnt.</translation>
    </message>
    <message>
        <source>“{media_type}” is not a media type. Use one such as audio/mpeg or video/mp4, or leave it empty to guess it from the file name.</source>
        <translation>„{media_type}“ ist kein Medientyp. Verwenden Sie einen wie audio/mpeg oder video/mp4, oder lassen Sie das Feld leer, um ihn aus dem Dateinamen abzuleiten.</translation>
    </message>
    <message>
        <source>The file limit is between 1 and {max_limit_mib:,} MiB.</source>
        <translation>Das Dateilimit liegt zwischen 1 und {max_limit_mib:,} MiB.</translation>
    </message>
    <message>
        <source>Share either a file or a link, not both and not neither.</source>
        <translation>Teilen Sie entweder eine Datei oder einen Link – nicht beides und nicht keines von beiden.</translation>
    </message>
    <message>
        <source>A link&apos;s size cannot be negative, and a SHA-256 checksum is 64 hex digits.</source>
        <translation>Die Größe eines Links darf nicht negativ sein, und eine SHA-256-Prüfsumme hat 64 Hexziffern.</translation>
    </message>
    <message>
        <source>“{file_name}” is empty (0 bytes); there is nothing to share.</source>
        <translation>„{file_name}“ ist leer (0 Byte); es gibt nichts zu teilen.</translation>
    </message>
    <message>
        <source>That file does not exist or is no longer shared.</source>
        <translation>Diese Datei gibt es nicht, oder sie wird nicht mehr geteilt.</translation>
    </message>
    <message>
        <source>“{name}” is a link; open it in the browser.</source>
        <translation>„{name}“ ist ein Link; öffnen Sie ihn im Browser.</translation>
    </message>
    <message>
        <source>The download of “{name}” was canceled.</source>
        <translation>Der Download von „{name}“ wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The studio&apos;s copy of “{name}” is damaged (its checksum does not match). Ask the studio to share it again.</source>
        <translation>Die Kopie von „{name}“ im Studio ist beschädigt (die Prüfsumme stimmt nicht). Bitten Sie das Studio, sie erneut zu teilen.</translation>
    </message>
    <message>
        <source>That client does not exist. Refresh the client list and try again.</source>
        <translation>Diesen Kunden gibt es nicht. Aktualisieren Sie die Kundenliste und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>That booking does not exist. Refresh and try again.</source>
        <translation>Diese Buchung gibt es nicht. Aktualisieren Sie die Ansicht und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>That booking belongs to another client.</source>
        <translation>Diese Buchung gehört einem anderen Kunden.</translation>
    </message>
    <message>
        <source>Write something in the note first.</source>
        <translation>Schreiben Sie zuerst etwas in die Notiz.</translation>
    </message>
    <message>
        <source>A note can be at most {max_note} characters long. Split it into several.</source>
        <translation>Eine Notiz darf höchstens {max_note} Zeichen lang sein. Teilen Sie sie auf mehrere auf.</translation>
    </message>
    <message>
        <source>The note says the same as before.</source>
        <translation>Die Notiz ist unverändert.</translation>
    </message>
    <message>
        <source>That note does not exist or was deleted. Refresh and try again.</source>
        <translation>Diese Notiz gibt es nicht, oder sie wurde gelöscht. Aktualisieren Sie die Ansicht und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The studio has no {kind} series set up.</source>
        <translation>Das Studio hat keinen Nummernkreis „{kind}“ eingerichtet.</translation>
    </message>
    <message>
        <source>The studio must keep at least one active owner. Make another person an owner first.</source>
        <translation>Das Studio muss mindestens einen aktiven Inhaber behalten. Machen Sie zuerst eine andere Person zum Inhaber.</translation>
    </message>
    <message>
        <source>You are no longer an owner of the studio; nothing was changed.</source>
        <translation>Sie sind kein Inhaber des Studios mehr; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This list cannot be sorted by “{sort}”.</source>
        <translation>Diese Liste kann nicht nach „{sort}“ sortiert werden.</translation>
    </message>
    <message>
        <source>A page holds 1 to {max_page_size} rows.</source>
        <translation>Eine Seite enthält 1 bis {max_page_size} Zeilen.</translation>
    </message>
    <message>
        <source>The page asked for does not fit this list&apos;s sort.</source>
        <translation>Die angeforderte Seite passt nicht zur Sortierung dieser Liste.</translation>
    </message>
    <message>
        <source>Select the transfers that were received.</source>
        <translation>Wählen Sie die eingegangenen Überweisungen aus.</translation>
    </message>
    <message>
        <source>Mark at most {max_bulk} transfers at a time.</source>
        <translation>Markieren Sie höchstens {max_bulk} Überweisungen auf einmal.</translation>
    </message>
    <message>
        <source>Refuse a session&apos;s payment by refusing its booking.</source>
        <translation>Lehnen Sie die Zahlung eines Termins ab, indem Sie seine Buchung ablehnen.</translation>
    </message>
    <message>
        <source>This payment was already recorded (receipt {receipt_number}), perhaps a moment ago on another seat.</source>
        <translation>Diese Zahlung wurde bereits erfasst (Beleg {receipt_number}), vielleicht gerade an einem anderen Arbeitsplatz.</translation>
    </message>
    <message>
        <source>This purchase is no longer awaiting payment.</source>
        <translation>Dieser Kauf wartet nicht mehr auf Zahlung.</translation>
    </message>
    <message>
        <source>Your store credit does not cover this. Choose another payment method.</source>
        <translation>Ihr Guthaben reicht dafür nicht. Wählen Sie eine andere Zahlungsart.</translation>
    </message>
    <message>
        <source>That purchase does not exist.</source>
        <translation>Diesen Kauf gibt es nicht.</translation>
    </message>
    <message>
        <source>Bundle credit pays for sessions, not for purchases.</source>
        <translation>Paketguthaben bezahlt Termine, keine Käufe.</translation>
    </message>
    <message>
        <source>This payment was already recorded on another seat (receipt {receipt_number}).</source>
        <translation>Diese Zahlung wurde bereits an einem anderen Arbeitsplatz erfasst (Beleg {receipt_number}).</translation>
    </message>
    <message>
        <source>This purchase was already paid (receipt {receipt_number}) and refunded.</source>
        <translation>Dieser Kauf wurde bereits bezahlt (Beleg {receipt_number}) und erstattet.</translation>
    </message>
    <message>
        <source>This purchase was withdrawn; there is nothing to pay.</source>
        <translation>Dieser Kauf wurde zurückgezogen; es gibt nichts zu bezahlen.</translation>
    </message>
    <message>
        <source>That purchase is not awaiting payment.</source>
        <translation>Dieser Kauf wartet nicht auf Zahlung.</translation>
    </message>
    <message>
        <source>Record a payment by card, cash, bank transfer or store credit.</source>
        <translation>Erfassen Sie eine Zahlung per Karte, bar, Überweisung oder Guthaben.</translation>
    </message>
    <message>
        <source>Give a reason for the refund; it goes into the audit log.</source>
        <translation>Nennen Sie einen Grund für die Erstattung; er wird im Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Payment recorded: {method}</source>
        <translation>Zahlung erfasst: {method}</translation>
    </message>
    <message>
        <source>Give a reason for the new price; it goes into the audit log.</source>
        <translation>Nennen Sie einen Grund für den neuen Preis; er wird im Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>This purchase was already paid (receipt {receipt_number}); its price cannot change. Refund it instead.</source>
        <translation>Dieser Kauf wurde bereits bezahlt (Beleg {receipt_number}); sein Preis kann sich nicht mehr ändern. Erstatten Sie ihn stattdessen.</translation>
    </message>
    <message>
        <source>This purchase was paid and refunded; its price cannot change.</source>
        <translation>Dieser Kauf wurde bezahlt und erstattet; sein Preis kann sich nicht mehr ändern.</translation>
    </message>
    <message>
        <source>This purchase was withdrawn; its price cannot change.</source>
        <translation>Dieser Kauf wurde zurückgezogen; sein Preis kann sich nicht mehr ändern.</translation>
    </message>
    <message>
        <source>Only a purchase awaiting payment can get a new price.</source>
        <translation>Nur ein Kauf, der auf Zahlung wartet, kann einen neuen Preis bekommen.</translation>
    </message>
    <message>
        <source>That is already the price.</source>
        <translation>Das ist bereits der Preis.</translation>
    </message>
    <message>
        <source>Give a positive amount and a reason.</source>
        <translation>Geben Sie einen positiven Betrag und einen Grund an.</translation>
    </message>
    <message>
        <source>Card and cash payments are taken at the studio&apos;s front desk. Choose pay later, bank transfer or store credit.</source>
        <translation>Karten- und Barzahlungen werden am Empfang des Studios angenommen. Wählen Sie „später bezahlen“, Überweisung oder Guthaben.</translation>
    </message>
    <message>
        <source>A credit note cannot be refunded.</source>
        <translation>Eine Gutschrift kann nicht erstattet werden.</translation>
    </message>
    <message>
        <source>Receipt {receipt_number} was already refunded, perhaps a moment ago on another seat.</source>
        <translation>Beleg {receipt_number} wurde bereits erstattet, vielleicht gerade an einem anderen Arbeitsplatz.</translation>
    </message>
    <message>
        <source>That purchase was withdrawn; there is nothing to refund.</source>
        <translation>Dieser Kauf wurde zurückgezogen; es gibt nichts zu erstatten.</translation>
    </message>
    <message>
        <source>Give a positive amount to refund.</source>
        <translation>Geben Sie einen positiven Betrag zur Erstattung an.</translation>
    </message>
    <message>
        <source>At most {shown} is left to refund on receipt {receipt_number}; refund that much or less.</source>
        <translation>Auf Beleg {receipt_number} sind höchstens {shown} zu erstatten; erstatten Sie so viel oder weniger.</translation>
    </message>
    <message>
        <source>Partial refund of receipt {number}</source>
        <translation>Teilerstattung zu Beleg {number}</translation>
    </message>
    <message>
        <source>That time was just taken on another seat, a moment ago. Please pick another time.</source>
        <translation>Diese Zeit wurde gerade an einem anderen Arbeitsplatz vergeben. Bitte wählen Sie eine andere Zeit.</translation>
    </message>
    <message>
        <source>That setup does not exist or is no longer offered.</source>
        <translation>Diesen Aufbau gibt es nicht, oder er wird nicht mehr angeboten.</translation>
    </message>
    <message>
        <source>That service does not exist or is no longer offered.</source>
        <translation>Diese Leistung gibt es nicht, oder sie wird nicht mehr angeboten.</translation>
    </message>
    <message>
        <source>“{service}” is not offered on the setup “{setup}”.</source>
        <translation>„{service}“ wird auf dem Aufbau „{setup}“ nicht angeboten.</translation>
    </message>
    <message>
        <source>“{service}” can be booked for {min_minutes} to {max_minutes} minutes in steps of {step_minutes}.</source>
        <translation>„{service}“ kann für {min_minutes} bis {max_minutes} Minuten in Schritten von {step_minutes} gebucht werden.</translation>
    </message>
    <message>
        <source>That room does not exist.</source>
        <translation>Diesen Raum gibt es nicht.</translation>
    </message>
    <message>
        <source>{room} has no setup offering {service}.</source>
        <translation>{room} hat keinen Aufbau, der {service} anbietet.</translation>
    </message>
    <message>
        <source>Sessions must be booked at least {lead_time_hours} h in advance. Pick a later time.</source>
        <translation>Termine müssen mindestens {lead_time_hours} Std. im Voraus gebucht werden. Wählen Sie eine spätere Zeit.</translation>
    </message>
    <message>
        <source>The studio does not offer that start time (outside opening hours, on a closed day or off the booking grid). Pick one of the free times shown.</source>
        <translation>Das Studio bietet diese Startzeit nicht an (außerhalb der Öffnungszeiten, an einem geschlossenen Tag oder außerhalb des Buchungsrasters). Wählen Sie eine der angezeigten freien Zeiten.</translation>
    </message>
    <message>
        <source>Choose a staff role: front desk, manager or owner.</source>
        <translation>Wählen Sie eine Rolle: Empfang, Leitung oder Inhaber.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account; ask another owner.</source>
        <translation>Sie können Ihr eigenes Konto nicht deaktivieren; bitten Sie einen anderen Inhaber.</translation>
    </message>
    <message>
        <source>That staff member does not exist. Refresh and try again.</source>
        <translation>Diese Person gibt es nicht unter den Mitarbeitenden. Aktualisieren Sie die Ansicht und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This database has no studio yet; there is nothing to export.</source>
        <translation>Diese Datenbank hat noch kein Studio; es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <source>On a shared PostgreSQL database the studio is created by IT with `podyx-admin studio apply FILE.toml`, so that two seats cannot both start it. Ask your IT to run it.</source>
        <translation>Auf einer gemeinsamen PostgreSQL-Datenbank legt die IT das Studio mit `podyx-admin studio apply FILE.toml` an, damit nicht zwei Arbeitsplätze es gleichzeitig anlegen. Bitten Sie Ihre IT, das auszuführen.</translation>
    </message>
    <message>
        <source>This database already has a studio. Sign in instead.</source>
        <translation>Diese Datenbank hat bereits ein Studio. Melden Sie sich stattdessen an.</translation>
    </message>
    <message>
        <source>Choose either a room or a setup whose overrides to clear.</source>
        <translation>Wählen Sie entweder einen Raum oder einen Aufbau, dessen eigene Regeln entfernt werden sollen.</translation>
    </message>
    <message>
        <source>That closed date does not exist. Refresh and try again.</source>
        <translation>Diesen Schließtag gibt es nicht. Aktualisieren Sie die Ansicht und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The studio has no such series yet. Set the studio up first.</source>
        <translation>Das Studio hat diesen Nummernkreis noch nicht. Richten Sie zuerst das Studio ein.</translation>
    </message>
    <message>
        <source>Locked: {what} numbers have been issued with this format, and the series must stay unbroken.</source>
        <translation>Gesperrt: Mit diesem Format wurden bereits Nummern ({what}) vergeben, und der Nummernkreis muss lückenlos bleiben.</translation>
    </message>
    <message>
        <source>Please enter your full name.</source>
        <translation>Bitte geben Sie Ihren vollständigen Namen ein.</translation>
    </message>
    <message>
        <source>A name can be at most 200 characters long.</source>
        <translation>Ein Name darf höchstens 200 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>“{email}” is not a valid email address: it needs an @, as in name@example.com.</source>
        <translation>„{email}“ ist keine gültige E-Mail-Adresse: Es fehlt das @, wie in name@example.com.</translation>
    </message>
    <message>
        <source>“{email}” is not a valid email address: the part before the @ is missing.</source>
        <translation>„{email}“ ist keine gültige E-Mail-Adresse: Vor dem @ fehlt der erste Teil.</translation>
    </message>
    <message>
        <source>“{email}” is not a valid email address: after the @ comes a domain such as example.com.</source>
        <translation>„{email}“ ist keine gültige E-Mail-Adresse: Nach dem @ folgt eine Domain wie example.com.</translation>
    </message>
    <message>
        <source>“{email}” is not a valid email address. Check it for typos and spaces: it should look like name@example.com.</source>
        <translation>„{email}“ ist keine gültige E-Mail-Adresse. Prüfen Sie sie auf Tippfehler und Leerzeichen: Sie sollte wie name@example.com aussehen.</translation>
    </message>
    <message>
        <source>Please enter a phone number.</source>
        <translation>Bitte geben Sie eine Telefonnummer ein.</translation>
    </message>
    <message>
        <source>“{text}” is not a phone number. Enter it with the country code, e.g. +49 30 1234567.</source>
        <translation>„{text}“ ist keine Telefonnummer. Geben Sie sie mit Ländervorwahl ein, z. B. +49 30 1234567.</translation>
    </message>
    <message>
        <source>“{text}” is not a valid phone number. Check the digits and the country code.</source>
        <translation>„{text}“ ist keine gültige Telefonnummer. Prüfen Sie die Ziffern und die Ländervorwahl.</translation>
    </message>
    <message>
        <source>Choose a password of at least {min_password} characters.</source>
        <translation>Wählen Sie ein Passwort mit mindestens {min_password} Zeichen.</translation>
    </message>
    <message>
        <source>A password can be at most {max_password} characters.</source>
        <translation>Ein Passwort darf höchstens {max_password} Zeichen haben.</translation>
    </message>
    <message>
        <source>That password is too easy to guess; mix more characters.</source>
        <translation>Dieses Passwort ist zu leicht zu erraten; mischen Sie mehr verschiedene Zeichen.</translation>
    </message>
    <message>
        <source>The studio server answered {status_code}; try again later.</source>
        <translation>Der Studioserver antwortete mit {status_code}; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Podyx cannot reach your studio at {address} right now, so nothing was changed. What you have is still here to read; try again once you are connected.</source>
        <translation>Podyx erreicht Ihr Studio unter {address} gerade nicht, daher wurde nichts geändert. Was Sie haben, können Sie weiterhin lesen; versuchen Sie es erneut, sobald Sie verbunden sind.</translation>
    </message>
    <message>
        <source>Your studio at {address} stopped answering before it replied. If you were changing something, check whether it was saved once you are connected again: your lists will show it.</source>
        <translation>Ihr Studio unter {address} hat nicht mehr geantwortet. Wenn Sie etwas geändert haben, prüfen Sie nach dem erneuten Verbinden, ob es gespeichert wurde: Ihre Listen zeigen es.</translation>
    </message>
    <message>
        <source>The studio server at {address} showed a different certificate from the one this computer trusted before. Nothing was sent. Ask the studio whether they changed it, then connect again.</source>
        <translation>Der Studioserver unter {address} hat ein anderes Zertifikat gezeigt als das, dem dieser Computer bisher vertraut hat. Es wurde nichts gesendet. Fragen Sie das Studio, ob es das Zertifikat geändert hat, und verbinden Sie sich dann erneut.</translation>
    </message>
    <message>
        <source>Another seat was changing the same records at the same moment, so nothing was saved. Please try again.</source>
        <translation>Ein anderer Arbeitsplatz hat im selben Moment dieselben Daten geändert, daher wurde nichts gespeichert. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>“{raw}” is not a database URL. Use sqlite:///PATH/TO/FILE.sqlite3 or postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>„{raw}“ ist keine Datenbank-URL. Verwenden Sie sqlite:///PFAD/ZUR/DATEI.sqlite3 oder postgresql://BENUTZER@HOST:PORT/DATENBANK.</translation>
    </message>
    <message>
        <source>Podyx needs a SQLite file, not an in-memory database: use sqlite:///PATH.</source>
        <translation>Podyx braucht eine SQLite-Datei, keine Datenbank im Arbeitsspeicher: Verwenden Sie sqlite:///PFAD.</translation>
    </message>
    <message>
        <source>Podyx does not support “{drivername}” databases. Use sqlite:///PATH or postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>Podyx unterstützt keine „{drivername}“-Datenbanken. Verwenden Sie sqlite:///PFAD oder postgresql://BENUTZER@HOST:PORT/DATENBANK.</translation>
    </message>
    <message>
        <source>{path} cannot be opened as a SQLite database ({reason}). Check the path and that it is a Podyx database file.</source>
        <translation>{path} kann nicht als SQLite-Datenbank geöffnet werden ({reason}). Prüfen Sie den Pfad und ob es eine Podyx-Datenbankdatei ist.</translation>
    </message>
    <message>
        <source>This database was upgraded by a newer Podyx Desktop (schema {revision}); this version knows up to {head}. Install the newer version on this machine.</source>
        <translation>Diese Datenbank wurde von einem neueren Podyx Desktop aktualisiert (Schema {revision}); diese Version kennt nur bis {head}. Installieren Sie die neuere Version auf diesem Computer.</translation>
    </message>
    <message>
        <source>Choose another database, or ask the studio&apos;s IT to create it with “podyx-admin init” (or “podyx-admin demo” for a demo studio).</source>
        <translation>Wählen Sie eine andere Datenbank, oder bitten Sie die IT des Studios, sie mit „podyx-admin init“ anzulegen (oder mit „podyx-admin demo“ für ein Demostudio).</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist, so there is no database at {path}. {hint}</source>
        <translation>Den Ordner {folder} gibt es nicht, also gibt es auch keine Datenbank unter {path}. {hint}</translation>
    </message>
    <message>
        <source>There is no database at {path}. {hint}</source>
        <translation>Unter {path} gibt es keine Datenbank. {hint}</translation>
    </message>
    <message>
        <source>The database at {where} is empty: it has no Podyx tables yet. {hint}</source>
        <translation>Die Datenbank unter {where} ist leer: Sie hat noch keine Podyx-Tabellen. {hint}</translation>
    </message>
    <message>
        <source>Cannot create the folder {parent} ({reason}). Choose a folder you can write to.</source>
        <translation>Der Ordner {parent} kann nicht angelegt werden ({reason}). Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>This database has tables but no Podyx schema version; it is not a Podyx database. Point Podyx at an empty database or a Podyx one.</source>
        <translation>Diese Datenbank hat Tabellen, aber keine Podyx-Schemaversion; sie ist keine Podyx-Datenbank. Wählen Sie eine leere Datenbank oder eine Podyx-Datenbank.</translation>
    </message>
    <message>
        <source>Cannot reach the PostgreSQL server at {address} ({detail}). Check the address, the user and password, and that the server is running.</source>
        <translation>Der PostgreSQL-Server unter {address} ist nicht erreichbar ({detail}). Prüfen Sie die Adresse, Benutzer und Passwort und ob der Server läuft.</translation>
    </message>
    <message>
        <source>{path} is on a network share ({fs}); SQLite files there get corrupted. Keep the file on a local disk, or use a PostgreSQL server for several seats.</source>
        <translation>{path} liegt auf einer Netzwerkfreigabe ({fs}); SQLite-Dateien werden dort beschädigt. Legen Sie die Datei auf eine lokale Festplatte, oder verwenden Sie für mehrere Arbeitsplätze einen PostgreSQL-Server.</translation>
    </message>
    <message>
        <source>The {description} from {source} is not usable: {error}</source>
        <translation>Der Wert „{description}“ aus {source} ist nicht verwendbar: {error}</translation>
    </message>
    <message>
        <source>database URL</source>
        <translation>Datenbank-URL</translation>
    </message>
    <message>
        <source>log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>This is done at the studio&apos;s desk; it is not available from home.</source>
        <translation>Das wird am Empfang des Studios erledigt; von zu Hause ist es nicht möglich.</translation>
    </message>
    <message>
        <source>The folder “{folder}” does not exist.</source>
        <translation>Den Ordner „{folder}“ gibt es nicht.</translation>
    </message>
    <message>
        <source>“{name}” arrived damaged (its checksum does not match the studio&apos;s). Nothing was saved; try the download again.</source>
        <translation>„{name}“ kam beschädigt an (die Prüfsumme stimmt nicht mit der des Studios überein). Es wurde nichts gespeichert; versuchen Sie den Download erneut.</translation>
    </message>
    <message>
        <source>Sign in to download the studio&apos;s files.</source>
        <translation>Melden Sie sich an, um die Dateien des Studios herunterzuladen.</translation>
    </message>
    <message>
        <source>That file is no longer shared with you.</source>
        <translation>Diese Datei wird nicht mehr mit Ihnen geteilt.</translation>
    </message>
    <message>
        <source>The download was canceled.</source>
        <translation>Der Download wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The download stopped early.</source>
        <translation>Der Download wurde vorzeitig beendet.</translation>
    </message>
    <message>
        <source>Nothing answers at {address}. Check the address with your studio, and that this computer is online.</source>
        <translation>Unter {address} antwortet nichts. Prüfen Sie die Adresse mit Ihrem Studio und ob dieser Computer online ist.</translation>
    </message>
    <message>
        <source>The server at {address} shows a certificate that does not match your studio&apos;s code. Do not connect; ask the studio for a new code.</source>
        <translation>Der Server unter {address} zeigt ein Zertifikat, das nicht zum Code Ihres Studios passt. Verbinden Sie sich nicht; bitten Sie das Studio um einen neuen Code.</translation>
    </message>
    <message>
        <source>That time is free: book it now instead of waiting. The waitlist is for times that are taken.</source>
        <translation>Diese Zeit ist frei: Buchen Sie sie jetzt, statt zu warten. Die Warteliste ist für belegte Zeiten.</translation>
    </message>
    <message>
        <source>Only a client can wait for a time.</source>
        <translation>Nur Kunden können auf eine Zeit warten.</translation>
    </message>
    <message>
        <source>The studio does not offer that start time (too soon, outside opening hours, on a closed day or off the booking grid), so there is nothing to wait for. Pick one of the times shown.</source>
        <translation>Das Studio bietet diese Startzeit nicht an (zu kurzfristig, außerhalb der Öffnungszeiten, an einem Schließtag oder außerhalb des Buchungsrasters), daher gibt es nichts, worauf Sie warten könnten. Wählen Sie eine der angezeigten Zeiten.</translation>
    </message>
    <message>
        <source>You already have a session at that time.</source>
        <translation>Sie haben zu dieser Zeit bereits einen Termin.</translation>
    </message>
    <message>
        <source>You are already on the waitlist for that time.</source>
        <translation>Sie stehen bereits auf der Warteliste für diese Zeit.</translation>
    </message>
    <message>
        <source>That waitlist entry does not exist.</source>
        <translation>Diesen Wartelisteneintrag gibt es nicht.</translation>
    </message>
    <message>
        <source>A waitlist hold lasts between 5 and {most} minutes.</source>
        <translation>Eine Reservierung von der Warteliste dauert zwischen 5 und {most} Minuten.</translation>
    </message>
    <message>
        <source>That booking does not exist or is not yours.</source>
        <translation>Diese Buchung gibt es nicht, oder sie gehört nicht Ihnen.</translation>
    </message>
    <message>
        <source>Only an upcoming session can wait for another time.</source>
        <translation>Nur ein bevorstehender Termin kann auf eine andere Zeit warten.</translation>
    </message>
    <message>
        <source>That bundle does not exist or is not yours.</source>
        <translation>Dieses Paket gibt es nicht oder es gehört nicht Ihnen.</translation>
    </message>
    <message>
        <source>You have already booked that time.</source>
        <translation>Sie haben diese Zeit bereits gebucht.</translation>
    </message>
    <message>
        <source>The hold on that time ran out and it was offered to the next client.</source>
        <translation>Die Reservierung für diese Zeit ist abgelaufen und sie wurde dem nächsten Kunden angeboten.</translation>
    </message>
    <message>
        <source>That time has come; the waitlist for it is closed.</source>
        <translation>Diese Zeit ist erreicht; die Warteliste dafür ist geschlossen.</translation>
    </message>
    <message>
        <source>You are no longer on the waitlist for that time.</source>
        <translation>Sie stehen nicht mehr auf der Warteliste für diese Zeit.</translation>
    </message>
    <message>
        <source>That time is held for a client on the waitlist until {until}. Pick another time, or join the waitlist for it.</source>
        <translation>Diese Zeit ist bis {until} für einen Kunden von der Warteliste reserviert. Wählen Sie eine andere Zeit oder setzen Sie sich auf die Warteliste.</translation>
    </message>
    <message>
        <source>Setup: {setup}</source>
        <translation>Aufbau: {setup}</translation>
    </message>
    <message>
        <source>Add-ons: {addons}</source>
        <translation>Zusatzleistungen: {addons}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Grund: {reason}</translation>
    </message>
    <message>
        <source>Originally: {when}</source>
        <translation>Ursprünglich: {when}</translation>
    </message>
    <message>
        <source>Booking {number}</source>
        <translation>Buchung {number}</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>Tagesabschluss</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Nach Zahlungsart</translation>
    </message>
    <message>
        <source>By VAT rate</source>
        <translation>Nach MwSt.-Satz</translation>
    </message>
    <message>
        <source>Receipts and credit notes count on the local day they were issued; a credit note&apos;s negative amounts are netted against that day&apos;s takings.</source>
        <translation>Belege und Gutschriften zählen an dem Ortstag, an dem sie ausgestellt wurden; die negativen Beträge einer Gutschrift werden mit den Einnahmen dieses Tages verrechnet.</translation>
    </message>
    <message>
        <source>Day close {day}</source>
        <translation>Tagesabschluss {day}</translation>
    </message>
    <message>
        <source>Day close · {day}</source>
        <translation>Tagesabschluss · {day}</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Credit notes</source>
        <translation>Gutschriften</translation>
    </message>
    <message>
        <source>Receipt numbers</source>
        <translation>Belegnummern</translation>
    </message>
    <message>
        <source>Takings (net of refunds)</source>
        <translation>Einnahmen (abzüglich Erstattungen)</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>Alle Zahlungsarten</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Eingenommen</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>All rates</source>
        <translation>Alle Sätze</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>MwSt.-Satz</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Pro-forma — not a receipt</source>
        <translation>Proforma — kein Beleg</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>VAT number {number}</source>
        <translation>USt-IdNr. {number}</translation>
    </message>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Seite {number} von {total}</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Verkäufer</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>VAT ID</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>VAT by rate</source>
        <translation>MwSt. nach Satz</translation>
    </message>
    <message>
        <source>purchase {number}</source>
        <translation>Kauf {number}</translation>
    </message>
    <message>
        <source>{title} {number}</source>
        <translation>{title} {number}</translation>
    </message>
    <message>
        <source>{title} · {number}</source>
        <translation>{title} · {number}</translation>
    </message>
    <message>
        <source>This document is not a receipt and not a VAT invoice. A receipt with its own number is issued once the payment has been received.</source>
        <translation>Dieses Dokument ist weder ein Beleg noch eine Rechnung im Sinne des Umsatzsteuerrechts. Ein Beleg mit eigener Nummer wird ausgestellt, sobald die Zahlung eingegangen ist.</translation>
    </message>
    <message>
        <source>Pro-forma</source>
        <translation>Proforma</translation>
    </message>
    <message>
        <source>Refers to receipt {number}</source>
        <translation>Bezieht sich auf Beleg {number}</translation>
    </message>
    <message>
        <source>VAT invoice</source>
        <translation>Rechnung mit MwSt.-Ausweis</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>{label}: {number}</source>
        <translation>{label}: {number}</translation>
    </message>
    <message>
        <source>Registration: {number}</source>
        <translation>Registernummer: {number}</translation>
    </message>
    <message>
        <source>Bank: {details}</source>
        <translation>Bank: {details}</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Belegnummer</translation>
    </message>
    <message>
        <source>None yet — not a receipt</source>
        <translation>Noch keine — kein Beleg</translation>
    </message>
    <message>
        <source>Credit note number</source>
        <translation>Gutschriftnummer</translation>
    </message>
    <message>
        <source>{method} — awaiting payment</source>
        <translation>{method} — Zahlung ausstehend</translation>
    </message>
    <message>
        <source>Prices include VAT</source>
        <translation>Preise inkl. MwSt.</translation>
    </message>
    <message>
        <source>Prices exclude VAT; VAT is added</source>
        <translation>Preise zzgl. MwSt.; die MwSt. wird aufgeschlagen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Ausstellungsdatum</translation>
    </message>
    <message>
        <source>Refers to receipt</source>
        <translation>Bezieht sich auf Beleg</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Refunded on</source>
        <translation>Erstattet am</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>Aktionscode</translation>
    </message>
    <message>
        <source>Refunded by</source>
        <translation>Erstattet durch</translation>
    </message>
    <message>
        <source>Credit note {number}</source>
        <translation>Gutschrift {number}</translation>
    </message>
    <message>
        <source>{code} (discount {amount})</source>
        <translation>{code} (Rabatt {amount})</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Supplied {when}</source>
        <translation>Geleistet am {when}</translation>
    </message>
    <message>
        <source>Total due: {amount}</source>
        <translation>Zu zahlender Gesamtbetrag: {amount}</translation>
    </message>
    <message>
        <source>Total credited: {amount}</source>
        <translation>Gutgeschriebener Gesamtbetrag: {amount}</translation>
    </message>
    <message>
        <source>Total paid: {amount}</source>
        <translation>Bezahlter Gesamtbetrag: {amount}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Pro-forma — not a receipt. Keep the receipt you will receive after payment for your records.</source>
        <translation>Proforma — kein Beleg. Bewahren Sie den Beleg, den Sie nach der Zahlung erhalten, für Ihre Unterlagen auf.</translation>
    </message>
    <message>
        <source>This credit note cancels the amounts shown of receipt {number}; that receipt itself is not changed.</source>
        <translation>Diese Gutschrift storniert die aufgeführten Beträge des Belegs {number}; der Beleg selbst bleibt unverändert.</translation>
    </message>
    <message>
        <source>Thank you. Please keep this receipt for your records.</source>
        <translation>Vielen Dank. Bitte bewahren Sie diesen Beleg für Ihre Unterlagen auf.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message numerus="yes">
        <source>{remaining} of %n session(s) remaining</source>
        <translation>
            <numerusform>{remaining} von %n Termin übrig</numerusform>
            <numerusform>{remaining} von %n Terminen übrig</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} redeemed · {expiry}</source>
        <translation>{number} eingelöst · {expiry}</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Bundle statement</source>
        <translation>Paketauszug</translation>
    </message>
    <message>
        <source>{name} · bundle {number}</source>
        <translation>{name} · Paket {number}</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Credit movements</source>
        <translation>Guthabenbewegungen</translation>
    </message>
    <message>
        <source>Bundle statement {number}</source>
        <translation>Paketauszug {number}</translation>
    </message>
    <message>
        <source>Bundle statement · bundle {number}</source>
        <translation>Paketauszug · Paket {number}</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>unbegrenzt gültig</translation>
    </message>
    <message>
        <source>expired {date}</source>
        <translation>abgelaufen am {date}</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>gültig bis {date}</translation>
    </message>
    <message>
        <source>No receipt yet (pro-forma)</source>
        <translation>Noch kein Beleg (Proforma)</translation>
    </message>
    <message>
        <source>Receipt {number}, {amount}, {method}</source>
        <translation>Beleg {number}, {amount}, {method}</translation>
    </message>
    <message>
        <source>Issued by the studio: {reason}</source>
        <translation>Vom Studio ausgegeben: {reason}</translation>
    </message>
    <message>
        <source>Issued by the studio</source>
        <translation>Vom Studio ausgegeben</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>Gekauft</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>(booking {number})</source>
        <translation>(Buchung {number})</translation>
    </message>
    <message>
        <source>{what}: {detail}</source>
        <translation>{what}: {detail}</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Booking {number} · {client}</source>
        <translation>Buchung {number} · {client}</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Terminübersicht</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Notes from the studio</source>
        <translation>Notizen vom Studio</translation>
    </message>
    <message>
        <source>Files shared with you</source>
        <translation>Mit Ihnen geteilte Dateien</translation>
    </message>
    <message>
        <source>Payments and receipts</source>
        <translation>Zahlungen und Belege</translation>
    </message>
    <message>
        <source>Session summary, booking {number}</source>
        <translation>Terminübersicht, Buchung {number}</translation>
    </message>
    <message>
        <source>Session summary · booking {number}</source>
        <translation>Terminübersicht · Buchung {number}</translation>
    </message>
    <message>
        <source>{name} × {quantity} ({price} each)</source>
        <translation>{name} × {quantity} (je {price})</translation>
    </message>
    <message>
        <source>Bundle credit (bundle {number})</source>
        <translation>Paketguthaben (Paket {number})</translation>
    </message>
    <message>
        <source>{times} ({duration}, {zone} time)</source>
        <translation>{times} ({duration}, Zeitzone {zone})</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>Room and setup</source>
        <translation>Raum und Aufbau</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Originally booked for</source>
        <translation>Ursprünglich gebucht für</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Zusatzleistungen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Cancellation reason</source>
        <translation>Stornierungsgrund</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Rescheduled from {before} to {after}</source>
        <translation>Verschoben von {before} auf {after}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Link: {address}</source>
        <translation>Link: {address}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>SHA-256 (start)</source>
        <translation>SHA-256 (Anfang)</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>{reference}, refunds {number}</source>
        <translation>{reference}, erstattet {number}</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Wofür</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>{studio} — sessions</source>
        <translation>{studio} — Termine</translation>
    </message>
    <message>
        <source>{studio} — {room} {first}–{last}</source>
        <translation>{studio} — {room} {first}–{last}</translation>
    </message>
    <message>
        <source>Canceled after the cutoff</source>
        <translation>Nach Ablauf der Frist storniert</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Passwort bestätigen</translation>
    </message>
    <message>
        <source>As it should appear on receipts</source>
        <translation>So, wie er auf Belegen erscheinen soll</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>+49 30 1234567</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <source>At least {count} characters</source>
        <translation>Mindestens {count} Zeichen</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Vollständiger &amp;Name</translation>
    </message>
    <message>
        <source>Email check</source>
        <translation>E-Mail-Prüfung</translation>
    </message>
    <message>
        <source>Sign in instead</source>
        <translation>Stattdessen anmelden</translation>
    </message>
    <message>
        <source>Phone check</source>
        <translation>Telefonprüfung</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Con&amp;firm password</source>
        <translation>Passwort &amp;bestätigen</translation>
    </message>
    <message>
        <source>This email already has an account.</source>
        <translation>Für diese E-Mail-Adresse gibt es bereits ein Konto.</translation>
    </message>
    <message>
        <source>Please enter your full name.</source>
        <translation>Bitte geben Sie Ihren vollständigen Namen ein.</translation>
    </message>
    <message>
        <source>Please enter your email address.</source>
        <translation>Bitte geben Sie Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>An account with {email} already exists. Sign in instead, or use another email.</source>
        <translation>Ein Konto mit {email} existiert bereits. Melden Sie sich stattdessen an oder verwenden Sie eine andere E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Please enter a phone number.</source>
        <translation>Bitte geben Sie eine Telefonnummer ein.</translation>
    </message>
    <message>
        <source>Choose a password of at least {count} characters.</source>
        <translation>Wählen Sie ein Passwort mit mindestens {count} Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Geben Sie zweimal dasselbe Passwort ein.</translation>
    </message>
</context>
<context>
    <name>AccountTab</name>
    <message>
        <source>You sign in with</source>
        <translation>Sie melden sich an mit</translation>
    </message>
    <message>
        <source>Login email</source>
        <translation>Anmelde-E-Mail</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Vollständiger &amp;Name</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Save name and phone</source>
        <translation>Name und Telefon speichern</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>New &amp;email</source>
        <translation>Neue &amp;E-Mail</translation>
    </message>
    <message>
        <source>New email</source>
        <translation>Neue E-Mail</translation>
    </message>
    <message>
        <source>Current pass&amp;word</source>
        <translation>Aktuelles Pass&amp;wort</translation>
    </message>
    <message>
        <source>Current password for the email change</source>
        <translation>Aktuelles Passwort für die Änderung der E-Mail</translation>
    </message>
    <message>
        <source>Change email</source>
        <translation>E-Mail ändern</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>&amp;Aktuelles Passwort</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>New pass&amp;word</source>
        <translation>&amp;Neues Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>At least {count} characters</source>
        <translation>Mindestens {count} Zeichen</translation>
    </message>
    <message>
        <source>Con&amp;firm new password</source>
        <translation>Neues Passwort &amp;bestätigen</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Neues Passwort bestätigen</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Billing details (optional)</source>
        <translation>Rechnungsangaben (optional)</translation>
    </message>
    <message>
        <source>Compan&amp;y</source>
        <translation>&amp;Firma</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>&amp;VAT ID</source>
        <translation>&amp;USt-IdNr.</translation>
    </message>
    <message>
        <source>VAT ID</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>Address line 1</source>
        <translation>Adresszeile 1</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Adresszeile 2</translation>
    </message>
    <message>
        <source>Postal co&amp;de</source>
        <translation>Post&amp;leitzahl</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Countr&amp;y</source>
        <translation>&amp;Land</translation>
    </message>
    <message>
        <source>Country code</source>
        <translation>Ländercode</translation>
    </message>
    <message>
        <source>Two letters, e.g. DE</source>
        <translation>Zwei Buchstaben, z. B. DE</translation>
    </message>
    <message>
        <source>Save billing details</source>
        <translation>Rechnungsangaben speichern</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Your name and phone are saved.</source>
        <translation>Ihr Name und Ihre Telefonnummer sind gespeichert.</translation>
    </message>
    <message>
        <source>Enter the new email address.</source>
        <translation>Geben Sie die neue E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Enter your current password to change your email.</source>
        <translation>Geben Sie Ihr aktuelles Passwort ein, um Ihre E-Mail-Adresse zu ändern.</translation>
    </message>
    <message>
        <source>Your login email is now {email}.</source>
        <translation>Ihre Anmelde-E-Mail ist jetzt {email}.</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Geben Sie Ihr aktuelles Passwort ein.</translation>
    </message>
    <message>
        <source>Choose a new password of at least {count} characters.</source>
        <translation>Wählen Sie ein neues Passwort mit mindestens {count} Zeichen.</translation>
    </message>
    <message>
        <source>The new passwords differ. Type the same one twice.</source>
        <translation>Die neuen Passwörter stimmen nicht überein. Geben Sie zweimal dasselbe ein.</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>Ihr Passwort wurde geändert.</translation>
    </message>
    <message>
        <source>Your billing details are saved.</source>
        <translation>Ihre Rechnungsangaben sind gespeichert.</translation>
    </message>
</context>
<context>
    <name>AddonPicker</name>
    <message>
        <source>No add-ons are offered with this session.</source>
        <translation>Zu diesem Termin werden keine Zusatzleistungen angeboten.</translation>
    </message>
    <message>
        <source>{name} — {price} each</source>
        <translation>{name} — {price} pro Stück</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>{name} hinzufügen</translation>
    </message>
    <message>
        <source>Quantity of {name}</source>
        <translation>Anzahl {name}</translation>
    </message>
</context>
<context>
    <name>AddonsDialog</name>
    <message>
        <source>Add add-ons</source>
        <translation>Zusatzleistungen hinzufügen</translation>
    </message>
    <message>
        <source>Add to your {service} session on {when}:</source>
        <translation>Zu Ihrem Termin „{service}“ am {when} hinzufügen:</translation>
    </message>
    <message>
        <source>Already on this session.</source>
        <translation>Bereits in diesem Termin enthalten.</translation>
    </message>
    <message>
        <source>&amp;Add and pay</source>
        <translation>&amp;Hinzufügen und bezahlen</translation>
    </message>
    <message>
        <source>Add the chosen add-ons</source>
        <translation>Die gewählten Zusatzleistungen hinzufügen</translation>
    </message>
    <message>
        <source>Payment &amp;method:</source>
        <translation>&amp;Zahlungsart:</translation>
    </message>
    <message>
        <source>Choose at least one add-on.</source>
        <translation>Wählen Sie mindestens eine Zusatzleistung.</translation>
    </message>
    <message>
        <source>Total to pay: {amount}</source>
        <translation>Zu zahlender Gesamtbetrag: {amount}</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Wird hinzugefügt …</translation>
    </message>
</context>
<context>
    <name>AddonsPage</name>
    <message>
        <source>Add-ons</source>
        <translation>Zusatzleistungen</translation>
    </message>
    <message>
        <source>Anything extra for your session? You can skip this step.</source>
        <translation>Noch etwas extra für Ihren Termin? Sie können diesen Schritt überspringen.</translation>
    </message>
</context>
<context>
    <name>AddonsSection</name>
    <message>
        <source>Add-ons</source>
        <translation>Zusatzleistungen</translation>
    </message>
    <message>
        <source>New &amp;add-on</source>
        <translation>Neue &amp;Zusatzleistung</translation>
    </message>
    <message>
        <source>A new add-on</source>
        <translation>Eine neue Zusatzleistung</translation>
    </message>
    <message>
        <source>Hidden from clients (staff add it)</source>
        <translation>Für Kunden ausgeblendet (wird vom Personal hinzugefügt)</translation>
    </message>
    <message>
        <source>Clients may add it after booking</source>
        <translation>Kunden können sie nach der Buchung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Unit price</source>
        <translation>&amp;Stückpreis</translation>
    </message>
    <message>
        <source>Ma&amp;ximum quantity</source>
        <translation>&amp;Höchstmenge</translation>
    </message>
    <message>
        <source>For ser&amp;vices</source>
        <translation>Für &amp;Leistungen</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>Give the add-on a name.</source>
        <translation>Geben Sie der Zusatzleistung einen Namen.</translation>
    </message>
    <message>
        <source>Write the unit price as an amount.</source>
        <translation>Geben Sie den Stückpreis als Betrag ein.</translation>
    </message>
    <message>
        <source>Saved the add-on {name}.</source>
        <translation>Zusatzleistung {name} gespeichert.</translation>
    </message>
</context>
<context>
    <name>AllBookingsModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Room / setup</source>
        <translation>Raum / Aufbau</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approve payment</source>
        <translation>Zahlung bestätigen</translation>
    </message>
    <message>
        <source>&amp;Record payment</source>
        <translation>Zahlung &amp;erfassen</translation>
    </message>
    <message>
        <source>Payment method used</source>
        <translation>Verwendete Zahlungsart</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Betrag:</translation>
    </message>
    <message>
        <source>Paid by:</source>
        <translation>Bezahlt per:</translation>
    </message>
    <message>
        <source>Payment of {name} recorded; the booking is confirmed.</source>
        <translation>Zahlung von {name} erfasst; die Buchung ist bestätigt.</translation>
    </message>
</context>
<context>
    <name>ApprovePaymentDialog</name>
    <message>
        <source>Approve payment</source>
        <translation>Zahlung bestätigen</translation>
    </message>
    <message>
        <source>&amp;Record payment</source>
        <translation>Zahlung &amp;erfassen</translation>
    </message>
    <message>
        <source>Payment method used</source>
        <translation>Verwendete Zahlungsart</translation>
    </message>
    <message>
        <source>Client chose:</source>
        <translation>Vom Kunden gewählt:</translation>
    </message>
    <message>
        <source>Paid by:</source>
        <translation>Bezahlt per:</translation>
    </message>
    <message>
        <source>Payment of {name} recorded ({method}); the receipt is issued.</source>
        <translation>Zahlung von {name} erfasst ({method}); der Beleg ist ausgestellt.</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Account activated</source>
        <translation>Konto aktiviert</translation>
    </message>
    <message>
        <source>Account deactivated</source>
        <translation>Konto deaktiviert</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Konto angelegt</translation>
    </message>
    <message>
        <source>Client created at the desk</source>
        <translation>Kunde am Empfang angelegt</translation>
    </message>
    <message>
        <source>Client details changed</source>
        <translation>Kundendaten geändert</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>Konto entsperrt</translation>
    </message>
    <message>
        <source>Sign-in code issued</source>
        <translation>Anmeldecode ausgegeben</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <source>Studio created</source>
        <translation>Studio angelegt</translation>
    </message>
    <message>
        <source>Studio settings changed</source>
        <translation>Studioeinstellungen geändert</translation>
    </message>
    <message>
        <source>Tax settings changed</source>
        <translation>Steuereinstellungen geändert</translation>
    </message>
    <message>
        <source>Opening hours changed</source>
        <translation>Öffnungszeiten geändert</translation>
    </message>
    <message>
        <source>Closed day added</source>
        <translation>Schließtag hinzugefügt</translation>
    </message>
    <message>
        <source>Closed day removed</source>
        <translation>Schließtag entfernt</translation>
    </message>
    <message>
        <source>Rules changed</source>
        <translation>Regeln geändert</translation>
    </message>
    <message>
        <source>Own rules removed</source>
        <translation>Eigene Regeln entfernt</translation>
    </message>
    <message>
        <source>Price changed</source>
        <translation>Preis geändert</translation>
    </message>
    <message>
        <source>Room created</source>
        <translation>Raum angelegt</translation>
    </message>
    <message>
        <source>Setup created</source>
        <translation>Aufbau angelegt</translation>
    </message>
    <message>
        <source>Service created</source>
        <translation>Leistung angelegt</translation>
    </message>
    <message>
        <source>Add-on created</source>
        <translation>Zusatzleistung angelegt</translation>
    </message>
    <message>
        <source>Bundle created</source>
        <translation>Paket angelegt</translation>
    </message>
    <message>
        <source>Promo code created</source>
        <translation>Aktionscode angelegt</translation>
    </message>
    <message>
        <source>Room edited</source>
        <translation>Raum bearbeitet</translation>
    </message>
    <message>
        <source>Setup edited</source>
        <translation>Aufbau bearbeitet</translation>
    </message>
    <message>
        <source>Service edited</source>
        <translation>Leistung bearbeitet</translation>
    </message>
    <message>
        <source>Add-on edited</source>
        <translation>Zusatzleistung bearbeitet</translation>
    </message>
    <message>
        <source>Bundle edited</source>
        <translation>Paket bearbeitet</translation>
    </message>
    <message>
        <source>Promo code edited</source>
        <translation>Aktionscode bearbeitet</translation>
    </message>
    <message>
        <source>Room retired</source>
        <translation>Raum archiviert</translation>
    </message>
    <message>
        <source>Setup retired</source>
        <translation>Aufbau archiviert</translation>
    </message>
    <message>
        <source>Service retired</source>
        <translation>Leistung archiviert</translation>
    </message>
    <message>
        <source>Add-on retired</source>
        <translation>Zusatzleistung archiviert</translation>
    </message>
    <message>
        <source>Bundle retired</source>
        <translation>Paket archiviert</translation>
    </message>
    <message>
        <source>Promo code retired</source>
        <translation>Aktionscode archiviert</translation>
    </message>
    <message>
        <source>Room restored</source>
        <translation>Raum wiederhergestellt</translation>
    </message>
    <message>
        <source>Setup restored</source>
        <translation>Aufbau wiederhergestellt</translation>
    </message>
    <message>
        <source>Service restored</source>
        <translation>Leistung wiederhergestellt</translation>
    </message>
    <message>
        <source>Add-on restored</source>
        <translation>Zusatzleistung wiederhergestellt</translation>
    </message>
    <message>
        <source>Bundle restored</source>
        <translation>Paket wiederhergestellt</translation>
    </message>
    <message>
        <source>Promo code restored</source>
        <translation>Aktionscode wiederhergestellt</translation>
    </message>
    <message>
        <source>Booking canceled</source>
        <translation>Buchung storniert</translation>
    </message>
    <message>
        <source>Rules set aside</source>
        <translation>Regeln übergangen</translation>
    </message>
    <message>
        <source>Price overridden</source>
        <translation>Preis geändert (Ausnahme)</translation>
    </message>
    <message>
        <source>Marked as taken place</source>
        <translation>Als stattgefunden markiert</translation>
    </message>
    <message>
        <source>Marked as no-show</source>
        <translation>Als nicht erschienen markiert</translation>
    </message>
    <message>
        <source>Payment recorded</source>
        <translation>Zahlung erfasst</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Purchase voided</source>
        <translation>Kauf ungültig gemacht</translation>
    </message>
    <message>
        <source>Store credit granted</source>
        <translation>Guthaben gewährt</translation>
    </message>
    <message>
        <source>Bundle issued</source>
        <translation>Paket ausgegeben</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Notiz hinzugefügt</translation>
    </message>
    <message>
        <source>Note edited</source>
        <translation>Notiz bearbeitet</translation>
    </message>
    <message>
        <source>Note retracted</source>
        <translation>Notiz zurückgezogen</translation>
    </message>
    <message>
        <source>File shared</source>
        <translation>Datei geteilt</translation>
    </message>
    <message>
        <source>File withdrawn</source>
        <translation>Datei zurückgezogen</translation>
    </message>
    <message>
        <source>File limit set</source>
        <translation>Dateilimit festgelegt</translation>
    </message>
</context>
<context>
    <name>AuditEntity</name>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Aufbau</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Add-on</source>
        <translation>Zusatzleistung</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>Aktionscode</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Closed day</source>
        <translation>Schließtag</translation>
    </message>
</context>
<context>
    <name>AuditField</name>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>uses</source>
        <translation>Einlösungen</translation>
    </message>
    <message>
        <source>max. uses</source>
        <translation>max. Einlösungen</translation>
    </message>
    <message>
        <source>max. uses per client</source>
        <translation>max. Einlösungen je Kunde</translation>
    </message>
    <message>
        <source>applies to</source>
        <translation>gilt für</translation>
    </message>
    <message>
        <source>valid from</source>
        <translation>gültig ab</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>gültig bis</translation>
    </message>
    <message>
        <source>price (cents)</source>
        <translation>Preis (Cent)</translation>
    </message>
    <message>
        <source>hourly rate (cents)</source>
        <translation>Stundensatz (Cent)</translation>
    </message>
    <message>
        <source>amount (cents)</source>
        <translation>Betrag (Cent)</translation>
    </message>
    <message>
        <source>session minutes</source>
        <translation>Terminminuten</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>valid for days</source>
        <translation>gültig für Tage</translation>
    </message>
    <message>
        <source>VAT rate (basis points)</source>
        <translation>MwSt.-Satz (Basispunkte)</translation>
    </message>
    <message>
        <source>method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>later bookings kept</source>
        <translation>spätere Buchungen behalten</translation>
    </message>
    <message>
        <source>buffer (min)</source>
        <translation>Puffer (Min.)</translation>
    </message>
    <message>
        <source>lead time (h)</source>
        <translation>Vorlauf (Std.)</translation>
    </message>
    <message>
        <source>cancel cutoff (h)</source>
        <translation>Stornofrist (Std.)</translation>
    </message>
    <message>
        <source>reschedule cutoff (h)</source>
        <translation>Verschiebefrist (Std.)</translation>
    </message>
    <message>
        <source>max. reschedules</source>
        <translation>max. Verschiebungen</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>(the system)</source>
        <translation>(das System)</translation>
    </message>
</context>
<context>
    <name>AuditPlace</name>
    <message>
        <source>Audit log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation>Art der Aktion</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Client: name, email or phone</source>
        <translation>Kunde: Name, E-Mail oder Telefon</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Any client</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren …</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>No client matches; showing every client.</source>
        <translation>Kein Kunde gefunden; alle Kunden werden angezeigt.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>{path} wird geschrieben …</translation>
    </message>
    <message>
        <source>Wrote {count} entries to {path}.</source>
        <translation>{count} Einträge in {path} geschrieben.</translation>
    </message>
</context>
<context>
    <name>AuditValue</name>
    <message>
        <source>percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <source>fixed amount</source>
        <translation>fester Betrag</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>front desk</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>BookOnBehalfDialog</name>
    <message>
        <source>New booking</source>
        <translation>Neue Buchung</translation>
    </message>
    <message>
        <source>Booking message</source>
        <translation>Buchungsmeldung</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Booking for {name}</source>
        <translation>Buchung für {name}</translation>
    </message>
</context>
<context>
    <name>BookingDetailsPane</name>
    <message>
        <source>Select a session to see its details.</source>
        <translation>Wählen Sie einen Termin aus, um die Details zu sehen.</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Wann:</translation>
    </message>
    <message>
        <source>Originally:</source>
        <translation>Ursprünglich:</translation>
    </message>
    <message>
        <source>Room &amp;&amp; setup:</source>
        <translation>Raum &amp;&amp; Aufbau:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Leistung:</translation>
    </message>
    <message>
        <source>Add-ons:</source>
        <translation>Zusatzleistungen:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Preis:</translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation>Zahlung:</translation>
    </message>
    <message>
        <source>Receipt no.:</source>
        <translation>Beleg-Nr.:</translation>
    </message>
    <message>
        <source>History of this session</source>
        <translation>Verlauf dieses Termins</translation>
    </message>
    <message>
        <source>&amp;Download summary…</source>
        <translation>Übersicht &amp;herunterladen …</translation>
    </message>
    <message>
        <source>Download the session summary</source>
        <translation>Terminübersicht herunterladen</translation>
    </message>
    <message>
        <source>Add to ca&amp;lendar…</source>
        <translation>Zum &amp;Kalender hinzufügen …</translation>
    </message>
    <message>
        <source>Add the session to your calendar</source>
        <translation>Termin zu Ihrem Kalender hinzufügen</translation>
    </message>
    <message>
        <source>Notes from the studio</source>
        <translation>Notizen vom Studio</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>The file marks it canceled, so a calendar that has it takes it out.</source>
        <translation>Die Datei kennzeichnet ihn als storniert, sodass ein Kalender, der ihn enthält, ihn entfernt.</translation>
    </message>
    <message>
        <source>{service} in {room}</source>
        <translation>{service} in {room}</translation>
    </message>
    <message>
        <source>{range} ({zone})</source>
        <translation>{range} ({zone})</translation>
    </message>
    <message>
        <source>Rescheduled from {when}</source>
        <translation>Verschoben von {when}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Paid with bundle credit</source>
        <translation>Mit Paketguthaben bezahlt</translation>
    </message>
    <message>
        <source>Issued when the payment is recorded</source>
        <translation>Wird ausgestellt, sobald die Zahlung erfasst ist</translation>
    </message>
</context>
<context>
    <name>BookingEvent</name>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <source>Add-ons added</source>
        <translation>Zusatzleistungen hinzugefügt</translation>
    </message>
    <message>
        <source>Price changed</source>
        <translation>Preis geändert</translation>
    </message>
</context>
<context>
    <name>BookingEventLong</name>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Payment approved</source>
        <translation>Zahlung bestätigt</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Marked as no-show</source>
        <translation>Als „nicht erschienen“ markiert</translation>
    </message>
    <message>
        <source>Add-ons added</source>
        <translation>Zusatzleistungen hinzugefügt</translation>
    </message>
    <message>
        <source>Price changed by the studio</source>
        <translation>Preis vom Studio geändert</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
</context>
<context>
    <name>BookingHistoryModel</name>
    <message>
        <source>Rescheduled from {old} to {new}</source>
        <translation>Verschoben von {old} auf {new}</translation>
    </message>
    <message>
        <source>Booked for {when}</source>
        <translation>Gebucht für {when}</translation>
    </message>
    <message>
        <source>{when} — {what} (by {who})</source>
        <translation>{when} — {what} (von {who})</translation>
    </message>
</context>
<context>
    <name>BookingStatus</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
</context>
<context>
    <name>BookingStatusHint</name>
    <message>
        <source>Awaiting payment approval by the studio.</source>
        <translation>Wartet auf Bestätigung der Zahlung durch das Studio.</translation>
    </message>
    <message>
        <source>Your session is confirmed.</source>
        <translation>Ihr Termin ist bestätigt.</translation>
    </message>
    <message>
        <source>Confirmed at a new time.</source>
        <translation>Zu einer neuen Zeit bestätigt.</translation>
    </message>
    <message>
        <source>This session was canceled.</source>
        <translation>Dieser Termin wurde storniert.</translation>
    </message>
    <message>
        <source>This session has taken place.</source>
        <translation>Dieser Termin hat stattgefunden.</translation>
    </message>
    <message>
        <source>Marked as a no-show.</source>
        <translation>Als „nicht erschienen“ markiert.</translation>
    </message>
</context>
<context>
    <name>BookingStatusLong</name>
    <message>
        <source>Pending — awaiting payment approval</source>
        <translation>Ausstehend — wartet auf Bestätigung der Zahlung</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Rescheduled — confirmed at a new time</source>
        <translation>Verschoben — zu einer neuen Zeit bestätigt</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
</context>
<context>
    <name>BookingWizard</name>
    <message>
        <source>Book a session</source>
        <translation>Termin buchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>BookingsTab</name>
    <message>
        <source>&amp;Upcoming</source>
        <translation>&amp;Anstehend</translation>
    </message>
    <message>
        <source>&amp;Past</source>
        <translation>&amp;Vergangen</translation>
    </message>
    <message>
        <source>Show upcoming sessions</source>
        <translation>Anstehende Termine anzeigen</translation>
    </message>
    <message>
        <source>Show past sessions</source>
        <translation>Vergangene Termine anzeigen</translation>
    </message>
    <message>
        <source>Upcoming sessions</source>
        <translation>Anstehende Termine</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Vergangene Termine</translation>
    </message>
    <message>
        <source>Times are in the studio&apos;s time zone ({zone}).</source>
        <translation>Zeiten in der Zeitzone des Studios ({zone}).</translation>
    </message>
    <message>
        <source>&amp;Cancel booking…</source>
        <translation>Buchung &amp;stornieren …</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>Verschie&amp;ben …</translation>
    </message>
    <message>
        <source>Add add-&amp;ons…</source>
        <translation>&amp;Zusatzleistungen hinzufügen …</translation>
    </message>
    <message>
        <source>Sign in to see your bookings.</source>
        <translation>Melden Sie sich an, um Ihre Buchungen zu sehen.</translation>
    </message>
    <message>
        <source>Loading your sessions…</source>
        <translation>Ihre Termine werden geladen …</translation>
    </message>
    <message>
        <source>Loading the sessions of {name}…</source>
        <translation>Termine von {name} werden geladen …</translation>
    </message>
    <message>
        <source>No upcoming sessions. Use “New booking” to book one.</source>
        <translation>Keine anstehenden Termine. Mit „Neue Buchung“ können Sie einen buchen.</translation>
    </message>
    <message>
        <source>No past sessions yet.</source>
        <translation>Noch keine vergangenen Termine.</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>Buchung stornieren</translation>
    </message>
    <message>
        <source>Cancel your session on {when}?</source>
        <translation>Ihren Termin am {when} stornieren?</translation>
    </message>
    <message>
        <source>Cancel the session of {name} on {when}?</source>
        <translation>Termin von {name} am {when} stornieren?</translation>
    </message>
    <message>
        <source>Keep booking</source>
        <translation>Buchung behalten</translation>
    </message>
    <message>
        <source>This is a late cancellation; the studio decides about any refund.</source>
        <translation>Dies ist eine kurzfristige Stornierung; über eine Erstattung entscheidet das Studio.</translation>
    </message>
    <message>
        <source>The session goes back to your bundle.</source>
        <translation>Der Termin wird Ihrem Paket wieder gutgeschrieben.</translation>
    </message>
    <message>
        <source>The session goes back to the bundle of {name}.</source>
        <translation>Der Termin wird dem Paket von {name} wieder gutgeschrieben.</translation>
    </message>
    <message>
        <source>What you paid comes back to you as store credit.</source>
        <translation>Was Sie bezahlt haben, erhalten Sie als Guthaben zurück.</translation>
    </message>
    <message>
        <source>What {name} paid comes back to them as store credit.</source>
        <translation>Was {name} bezahlt hat, wird als Guthaben zurückerstattet.</translation>
    </message>
    <message>
        <source>Nothing has been charged; the open payment is withdrawn.</source>
        <translation>Es wurde nichts berechnet; die offene Zahlung wird zurückgezogen.</translation>
    </message>
    <message>
        <source>Your session on {when} was canceled.</source>
        <translation>Ihr Termin am {when} wurde storniert.</translation>
    </message>
    <message>
        <source>The session of {name} on {when} was canceled.</source>
        <translation>Der Termin von {name} am {when} wurde storniert.</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <source>Your session is now on {when}.</source>
        <translation>Ihr Termin ist jetzt am {when}.</translation>
    </message>
    <message>
        <source>The session of {name} is now on {when}.</source>
        <translation>Der Termin von {name} ist jetzt am {when}.</translation>
    </message>
    <message>
        <source>Add-ons added to your session.</source>
        <translation>Zusatzleistungen zu Ihrem Termin hinzugefügt.</translation>
    </message>
    <message>
        <source>Add-ons added to the session of {name}.</source>
        <translation>Zusatzleistungen zum Termin von {name} hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>BookingsTableModel</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Bundle credit</source>
        <translation>Paketguthaben</translation>
    </message>
    <message>
        <source>Originally {when}.</source>
        <translation>Ursprünglich {when}.</translation>
    </message>
    <message>
        <source>Rescheduled from {when}</source>
        <translation>Verschoben von {when}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Room / setup</source>
        <translation>Raum / Aufbau</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Zusatzleistungen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>● 1 new note</source>
        <translation>● 1 neue Notiz</translation>
    </message>
    <message>
        <source>● {count} new notes</source>
        <translation>● {count} neue Notizen</translation>
    </message>
</context>
<context>
    <name>BundleLedger</name>
    <message>
        <source>Bought</source>
        <translation>Gekauft</translation>
    </message>
    <message>
        <source>Issued by the studio</source>
        <translation>Vom Studio ausgegeben</translation>
    </message>
    <message>
        <source>Session booked</source>
        <translation>Termin gebucht</translation>
    </message>
    <message>
        <source>Credit returned</source>
        <translation>Guthaben zurückgebucht</translation>
    </message>
    <message>
        <source>Credit kept (late cancellation)</source>
        <translation>Guthaben einbehalten (kurzfristige Stornierung)</translation>
    </message>
</context>
<context>
    <name>BundleLedgerLong</name>
    <message>
        <source>Bundle purchased</source>
        <translation>Paket gekauft</translation>
    </message>
    <message>
        <source>Bundle issued</source>
        <translation>Paket ausgegeben</translation>
    </message>
    <message>
        <source>Session redeemed</source>
        <translation>Termin eingelöst</translation>
    </message>
    <message>
        <source>Credit returned</source>
        <translation>Guthaben zurückgebucht</translation>
    </message>
    <message>
        <source>Credit kept (late cancellation)</source>
        <translation>Guthaben einbehalten (kurzfristige Stornierung)</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
</context>
<context>
    <name>BundleLedgerModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Übrig</translation>
    </message>
</context>
<context>
    <name>BundleProductsModel</name>
    <message>
        <source>valid {days} days</source>
        <translation>{days} Tage gültig</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>unbegrenzt gültig</translation>
    </message>
    <message>
        <source>{name} — {sessions} sessions of {length}, {validity} — {price}</source>
        <translation>{name} — {sessions} Termine à {length}, {validity} — {price}</translation>
    </message>
</context>
<context>
    <name>BundleState</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>Wartet auf Zahlung</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Used up</source>
        <translation>Aufgebraucht</translation>
    </message>
</context>
<context>
    <name>BundlesSection</name>
    <message>
        <source>Bundles</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>New &amp;bundle</source>
        <translation>Neues &amp;Paket</translation>
    </message>
    <message>
        <source>A new bundle</source>
        <translation>Ein neues Paket</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>unbegrenzt gültig</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>S&amp;essions</source>
        <translation>&amp;Termine</translation>
    </message>
    <message>
        <source>Session &amp;length</source>
        <translation>Termin&amp;dauer</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Preis</translation>
    </message>
    <message>
        <source>&amp;Valid for</source>
        <translation>&amp;Gültig für</translation>
    </message>
    <message>
        <source>On se&amp;tups</source>
        <translation>Für &amp;Aufbauten</translation>
    </message>
    <message>
        <source>For ser&amp;vices (none: any)</source>
        <translation>Für &amp;Leistungen (keine: alle)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>Give the bundle a name.</source>
        <translation>Geben Sie dem Paket einen Namen.</translation>
    </message>
    <message>
        <source>Write the price as an amount.</source>
        <translation>Geben Sie den Preis als Betrag ein.</translation>
    </message>
    <message>
        <source>Saved the bundle {name}.</source>
        <translation>Paket {name} gespeichert.</translation>
    </message>
</context>
<context>
    <name>BundlesTab</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Active bundles</source>
        <translation>Aktive Pakete</translation>
    </message>
    <message>
        <source>No active bundles.</source>
        <translation>Keine aktiven Pakete.</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Expired bundles</source>
        <translation>Abgelaufene Pakete</translation>
    </message>
    <message>
        <source>None expired.</source>
        <translation>Keine abgelaufen.</translation>
    </message>
    <message>
        <source>Used up</source>
        <translation>Aufgebraucht</translation>
    </message>
    <message>
        <source>Used-up bundles</source>
        <translation>Aufgebrauchte Pakete</translation>
    </message>
    <message>
        <source>None used up.</source>
        <translation>Keine aufgebraucht.</translation>
    </message>
    <message>
        <source>&amp;Buy a bundle…</source>
        <translation>Paket &amp;kaufen …</translation>
    </message>
    <message>
        <source>Buy a bundle</source>
        <translation>Paket kaufen</translation>
    </message>
    <message>
        <source>Select a bundle to see its sessions.</source>
        <translation>Wählen Sie ein Paket aus, um seine Termine zu sehen.</translation>
    </message>
    <message>
        <source>Sessions remaining:</source>
        <translation>Verbleibende Termine:</translation>
    </message>
    <message>
        <source>Sessions redeemed:</source>
        <translation>Eingelöste Termine:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Bought:</source>
        <translation>Gekauft:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Issued:</source>
        <translation>Ausgegeben:</translation>
    </message>
    <message>
        <source>Bundle history</source>
        <translation>Paketverlauf</translation>
    </message>
    <message>
        <source>&amp;Redeem a session…</source>
        <translation>Termin &amp;einlösen …</translation>
    </message>
    <message>
        <source>Redeem a session</source>
        <translation>Termin einlösen</translation>
    </message>
    <message>
        <source>&amp;Download statement…</source>
        <translation>Auszug &amp;herunterladen …</translation>
    </message>
    <message>
        <source>Download the bundle statement</source>
        <translation>Paketauszug herunterladen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Sign in to see your bundles.</source>
        <translation>Melden Sie sich an, um Ihre Pakete zu sehen.</translation>
    </message>
    <message>
        <source>No bundles yet. A bundle is a set of prepaid sessions.</source>
        <translation>Noch keine Pakete. Ein Paket ist eine Reihe vorausbezahlter Termine.</translation>
    </message>
    <message>
        <source>Select an active bundle to redeem a session.</source>
        <translation>Wählen Sie ein aktives Paket aus, um einen Termin einzulösen.</translation>
    </message>
    <message>
        <source>{name} — sessions of {length}</source>
        <translation>{name} — Termine à {length}</translation>
    </message>
    <message>
        <source>{left} of {total}</source>
        <translation>{left} von {total}</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>By the studio: {reason}</source>
        <translation>Vom Studio: {reason}</translation>
    </message>
    <message>
        <source>Usable once the studio has recorded your payment.</source>
        <translation>Nutzbar, sobald das Studio Ihre Zahlung erfasst hat.</translation>
    </message>
    <message>
        <source>This bundle was refunded.</source>
        <translation>Dieses Paket wurde erstattet.</translation>
    </message>
    <message>
        <source>This bundle has expired.</source>
        <translation>Dieses Paket ist abgelaufen.</translation>
    </message>
    <message>
        <source>No sessions left in this bundle.</source>
        <translation>In diesem Paket sind keine Termine mehr übrig.</translation>
    </message>
    <message>
        <source>Session booked for {when}. It is in your bookings.</source>
        <translation>Termin für {when} gebucht. Sie finden ihn unter Ihren Buchungen.</translation>
    </message>
    <message>
        <source>Session booked for {name} on {when}.</source>
        <translation>Termin für {name} am {when} gebucht.</translation>
    </message>
    <message>
        <source>Bundle bought. Receipt {number}.</source>
        <translation>Paket gekauft. Beleg {number}.</translation>
    </message>
    <message>
        <source>Bundle ordered. You can use it once the studio has recorded your payment.</source>
        <translation>Paket bestellt. Sie können es nutzen, sobald das Studio Ihre Zahlung erfasst hat.</translation>
    </message>
</context>
<context>
    <name>BundlesTableModel</name>
    <message>
        <source>Bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Übrig</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Gekauft</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>{left} of {total}</source>
        <translation>{left} von {total}</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Usable once the studio has recorded your payment.</source>
        <translation>Nutzbar, sobald das Studio Ihre Zahlung erfasst hat.</translation>
    </message>
    <message>
        <source>{name}: sessions of {length}</source>
        <translation>{name}: Termine à {length}</translation>
    </message>
    <message>
        <source>Issued by the studio: {reason}</source>
        <translation>Vom Studio ausgegeben: {reason}</translation>
    </message>
</context>
<context>
    <name>BuyBundleDialog</name>
    <message>
        <source>Buy a bundle</source>
        <translation>Paket kaufen</translation>
    </message>
    <message>
        <source>Bundles on sale</source>
        <translation>Angebotene Pakete</translation>
    </message>
    <message>
        <source>&amp;Buy</source>
        <translation>&amp;Kaufen</translation>
    </message>
    <message>
        <source>Buy the chosen bundle</source>
        <translation>Das gewählte Paket kaufen</translation>
    </message>
    <message>
        <source>&amp;Bundles on sale:</source>
        <translation>&amp;Angebotene Pakete:</translation>
    </message>
    <message>
        <source>Payment &amp;method:</source>
        <translation>&amp;Zahlungsart:</translation>
    </message>
    <message>
        <source>Loading the bundles on sale…</source>
        <translation>Angebotene Pakete werden geladen …</translation>
    </message>
    <message>
        <source>No bundles are on sale.</source>
        <translation>Es werden keine Pakete angeboten.</translation>
    </message>
    <message>
        <source>Promo code {code} applied: you save {amount}.</source>
        <translation>Aktionscode {code} angewendet: Sie sparen {amount}.</translation>
    </message>
    <message>
        <source>Buying…</source>
        <translation>Wird gekauft …</translation>
    </message>
</context>
<context>
    <name>CalendarDownload</name>
    <message>
        <source>Session {date} {service}</source>
        <translation>Termin {date} {service}</translation>
    </message>
    <message>
        <source>Add to calendar</source>
        <translation>Zum Kalender hinzufügen</translation>
    </message>
    <message>
        <source>{studio} sessions</source>
        <translation>Termine bei {studio}</translation>
    </message>
    <message>
        <source>Export sessions</source>
        <translation>Termine exportieren</translation>
    </message>
    <message>
        <source>{room} {first} to {last}</source>
        <translation>{room} {first} bis {last}</translation>
    </message>
    <message>
        <source>Export room calendar</source>
        <translation>Raumkalender exportieren</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>No calendar program to open it was found. The file is in {folder}: import it in your calendar.</source>
        <translation>Es wurde kein Kalenderprogramm zum Öffnen gefunden. Die Datei liegt in {folder}: Importieren Sie sie in Ihren Kalender.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel booking</source>
        <translation>Buchung stornieren</translation>
    </message>
    <message>
        <source>&amp;Cancel booking</source>
        <translation>Buchung &amp;stornieren</translation>
    </message>
    <message>
        <source>Reason for the cancellation</source>
        <translation>Grund der Stornierung</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Keep the charge</source>
        <translation>Betrag einbehalten</translation>
    </message>
    <message>
        <source>Refund to the original payment method</source>
        <translation>Auf die ursprüngliche Zahlungsart erstatten</translation>
    </message>
    <message>
        <source>Refund as store credit</source>
        <translation>Als Guthaben erstatten</translation>
    </message>
    <message>
        <source>Return the session to the bundle</source>
        <translation>Termin dem Paket wieder gutschreiben</translation>
    </message>
    <message>
        <source>Late cancellation — the money:</source>
        <translation>Kurzfristige Stornierung — der Betrag:</translation>
    </message>
    <message>
        <source>Refunds: managers and owners only.</source>
        <translation>Erstattungen: nur Leitung und Inhaber.</translation>
    </message>
    <message>
        <source>Nothing has been charged; the open payment is withdrawn.</source>
        <translation>Es wurde nichts berechnet; die offene Zahlung wird zurückgezogen.</translation>
    </message>
    <message>
        <source>Within the cutoff: the session goes back to the bundle.</source>
        <translation>Innerhalb der Frist: Der Termin wird dem Paket wieder gutgeschrieben.</translation>
    </message>
    <message>
        <source>Within the cutoff: what was paid comes back as store credit.</source>
        <translation>Innerhalb der Frist: Der gezahlte Betrag wird als Guthaben erstattet.</translation>
    </message>
    <message>
        <source>The session of {name} on {when} was canceled.</source>
        <translation>Der Termin von {name} am {when} wurde storniert.</translation>
    </message>
</context>
<context>
    <name>CatalogueSection</name>
    <message>
        <source>Restored: it can be booked again.</source>
        <translation>Wiederhergestellt: kann wieder gebucht werden.</translation>
    </message>
    <message>
        <source>{name} is retired: hidden from new bookings.</source>
        <translation>{name} ist archiviert: für neue Buchungen ausgeblendet.</translation>
    </message>
    <message>
        <source>{when} · {client} · {room} / {setup} · {service}</source>
        <translation>{when} · {client} · {room} / {setup} · {service}</translation>
    </message>
    <message>
        <source>Retire {name}?</source>
        <translation>{name} archivieren?</translation>
    </message>
    <message>
        <source>{count} future booking(s) use {name}. They stay valid and take place as booked; {name} is only hidden from new bookings.</source>
        <translation>{count} künftige Buchung(en) verwenden {name}. Sie bleiben gültig und finden wie gebucht statt; {name} wird nur für neue Buchungen ausgeblendet.</translation>
    </message>
    <message>
        <source>Retire anyway</source>
        <translation>Trotzdem archivieren</translation>
    </message>
</context>
<context>
    <name>CheckoutSignIn</name>
    <message>
        <source>Sign in to book with your account</source>
        <translation>Melden Sie sich an, um mit Ihrem Konto zu buchen</translation>
    </message>
    <message>
        <source>Your session stays in the cart while you sign in.</source>
        <translation>Ihr Termin bleibt im Warenkorb, während Sie sich anmelden.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Meldung zur Anmeldung</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Create a new account instead</source>
        <translation>Stattdessen ein neues Konto erstellen</translation>
    </message>
    <message>
        <source>Enter your email and password to sign in.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein, um sich anzumelden.</translation>
    </message>
</context>
<context>
    <name>ClientActionsPane</name>
    <message>
        <source>Boo&amp;k for this client…</source>
        <translation>Für diesen Kunden &amp;buchen …</translation>
    </message>
    <message>
        <source>&amp;Issue a bundle…</source>
        <translation>Paket &amp;ausgeben …</translation>
    </message>
    <message>
        <source>Record a pa&amp;yment…</source>
        <translation>&amp;Zahlung erfassen …</translation>
    </message>
    <message>
        <source>Re&amp;fund…</source>
        <translation>&amp;Erstatten …</translation>
    </message>
    <message>
        <source>Add store &amp;credit…</source>
        <translation>&amp;Guthaben hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>&amp;Daten bearbeiten …</translation>
    </message>
    <message>
        <source>U&amp;nlock account</source>
        <translation>Konto ent&amp;sperren</translation>
    </message>
    <message>
        <source>New one-time &amp;code…</source>
        <translation>Neuer Einmal&amp;code …</translation>
    </message>
    <message>
        <source>Write a no&amp;te…</source>
        <translation>&amp;Notiz schreiben …</translation>
    </message>
    <message>
        <source>The client&apos;s account</source>
        <translation>Das Konto des Kunden</translation>
    </message>
    <message>
        <source>What the last action did</source>
        <translation>Was die letzte Aktion bewirkt hat</translation>
    </message>
    <message>
        <source>Nothing awaits payment: every purchase is paid or closed.</source>
        <translation>Keine offenen Zahlungen: Jeder Kauf ist bezahlt oder abgeschlossen.</translation>
    </message>
    <message>
        <source>Refunds are for managers and owners.</source>
        <translation>Erstattungen sind der Leitung und dem Inhaber vorbehalten.</translation>
    </message>
    <message>
        <source>Nothing paid is left to refund.</source>
        <translation>Es ist nichts Bezahltes mehr zu erstatten.</translation>
    </message>
    <message>
        <source>Store credit is added by managers and owners.</source>
        <translation>Guthaben wird von der Leitung und dem Inhaber hinzugefügt.</translation>
    </message>
    <message>
        <source>The account is not locked.</source>
        <translation>Das Konto ist nicht gesperrt.</translation>
    </message>
    <message>
        <source>Store credit: {amount}</source>
        <translation>Guthaben: {amount}</translation>
    </message>
    <message>
        <source>Locked after failed sign-ins until {time}</source>
        <translation>Nach fehlgeschlagenen Anmeldungen gesperrt bis {time}</translation>
    </message>
    <message>
        <source>No password yet (made at the desk)</source>
        <translation>Noch kein Passwort (am Empfang angelegt)</translation>
    </message>
    <message>
        <source>One-time code valid until {time}</source>
        <translation>Einmalcode gültig bis {time}</translation>
    </message>
    <message>
        <source>A note on {name} (not on one session).</source>
        <translation>Eine Notiz zu {name} (nicht zu einem einzelnen Termin).</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Notiz hinzugefügt.</translation>
    </message>
    <message>
        <source>The account of {name} is unlocked; they can sign in again.</source>
        <translation>Das Konto von {name} ist entsperrt; die Anmeldung ist wieder möglich.</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>No receipt yet</source>
        <translation>Noch kein Beleg</translation>
    </message>
    <message>
        <source>{name} · {email}</source>
        <translation>{name} · {email}</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Was schiefgelaufen ist</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Käufe</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <source>Active bundles</source>
        <translation>Aktive Pakete</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Letzter Besuch</translation>
    </message>
    <message>
        <source>No session yet</source>
        <translation>Noch kein Termin</translation>
    </message>
</context>
<context>
    <name>ClientStep</name>
    <message>
        <source>Who is the booking for?</source>
        <translation>Für wen ist die Buchung?</translation>
    </message>
    <message>
        <source>Name, email or phone</source>
        <translation>Name, E-Mail oder Telefon</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>Matching clients</source>
        <translation>Passende Kunden</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>&amp;Choose this client</source>
        <translation>Diesen Kunden &amp;auswählen</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Neuer Kunde …</translation>
    </message>
    <message>
        <source>Con&amp;tinue to the session</source>
        <translation>&amp;Weiter zum Termin</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>No client matches. Check the spelling, or create a new client.</source>
        <translation>Kein Kunde gefunden. Prüfen Sie die Schreibweise oder legen Sie einen neuen Kunden an.</translation>
    </message>
    <message>
        <source>{count} clients match.</source>
        <translation>{count} Kunden gefunden.</translation>
    </message>
</context>
<context>
    <name>ClientsPlace</name>
    <message>
        <source>Clients</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Search by name, email or phone (Ctrl+F)</source>
        <translation>Nach Name, E-Mail oder Telefon suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Neuer Kunde …</translation>
    </message>
    <message>
        <source>Client list message</source>
        <translation>Meldung zur Kundenliste</translation>
    </message>
    <message>
        <source>Loading the clients…</source>
        <translation>Kunden werden geladen …</translation>
    </message>
    <message>
        <source>← All clients</source>
        <translation>← Alle Kunden</translation>
    </message>
    <message>
        <source>Back to the client list (Alt+Left)</source>
        <translation>Zurück zur Kundenliste (Alt+Links)</translation>
    </message>
    <message>
        <source>Client shown</source>
        <translation>Angezeigter Kunde</translation>
    </message>
    <message>
        <source>Client message</source>
        <translation>Kundenmeldung</translation>
    </message>
    <message>
        <source>The clients could not be loaded: {error}</source>
        <translation>Die Kunden konnten nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Searching for “{search}”…</source>
        <translation>Suche nach „{search}“ …</translation>
    </message>
    <message>
        <source>No client matches “{search}”.</source>
        <translation>Kein Kunde passt zu „{search}“.</translation>
    </message>
    <message>
        <source>No clients yet.</source>
        <translation>Noch keine Kunden.</translation>
    </message>
    <message>
        <source>{count} clients shown; loading more…</source>
        <translation>{count} Kunden angezeigt; weitere werden geladen …</translation>
    </message>
    <message>
        <source>{count} clients match “{search}”.</source>
        <translation>{count} Kunden passen zu „{search}“.</translation>
    </message>
    <message>
        <source>{count} clients.</source>
        <translation>{count} Kunden.</translation>
    </message>
    <message>
        <source>{count} clients shown; scroll for more.</source>
        <translation>{count} Kunden angezeigt; scrollen Sie für weitere.</translation>
    </message>
    <message>
        <source>&amp;Bookings</source>
        <translation>&amp;Buchungen</translation>
    </message>
    <message>
        <source>B&amp;undles</source>
        <translation>&amp;Pakete</translation>
    </message>
    <message>
        <source>&amp;Purchases</source>
        <translation>&amp;Käufe</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>K&amp;onto</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Dateien</translation>
    </message>
    <message>
        <source>{name} · {email}</source>
        <translation>{name} · {email}</translation>
    </message>
</context>
<context>
    <name>CodeCard</name>
    <message>
        <source>One-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>Give this code to the client; they set their password with it when they first sign in.</source>
        <translation>Geben Sie diesen Code dem Kunden; damit legt er bei der ersten Anmeldung sein Passwort fest.</translation>
    </message>
</context>
<context>
    <name>CodeSignInPage</name>
    <message>
        <source>Set your password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <source>About the code</source>
        <translation>Zum Code</translation>
    </message>
    <message>
        <source>The studio created your account and gave you a code. Enter it with your email, and choose your password.</source>
        <translation>Das Studio hat Ihr Konto angelegt und Ihnen einen Code gegeben. Geben Sie ihn mit Ihrer E-Mail-Adresse ein und wählen Sie Ihr Passwort.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Code from the studio</source>
        <translation>Code vom Studio</translation>
    </message>
    <message>
        <source>8 characters</source>
        <translation>8 Zeichen</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Set password and sign in</source>
        <translation>Passwort festlegen und anmelden</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>Zurück zur Anmeldung</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Neues Passwort</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Enter your email and the code from the studio.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse und den Code vom Studio ein.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same one twice.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Geben Sie zweimal dasselbe ein.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to your studio</source>
        <translation>Mit Ihrem Studio verbinden</translation>
    </message>
    <message>
        <source>Type your studio&apos;s address (for example studio.example.com), or paste the code the studio gave you. Your bookings, bundles and receipts are then kept on this computer and stay readable when you are offline.</source>
        <translation>Geben Sie die Adresse Ihres Studios ein (zum Beispiel studio.example.com) oder fügen Sie den Code ein, den Ihnen das Studio gegeben hat. Ihre Buchungen, Pakete und Belege werden dann auf diesem Computer gespeichert und bleiben auch offline lesbar.</translation>
    </message>
    <message>
        <source>Studio address or code</source>
        <translation>Studioadresse oder Code</translation>
    </message>
    <message>
        <source>studio.example.com or PODYX1-…</source>
        <translation>studio.example.com oder PODYX1-…</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Look up the studio</source>
        <translation>Studio suchen</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Verbindungsproblem</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Suchergebnis</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Vertrauen und verbinden</translation>
    </message>
    <message>
        <source>Type the studio&apos;s address, or paste its code.</source>
        <translation>Geben Sie die Adresse des Studios ein oder fügen Sie seinen Code ein.</translation>
    </message>
    <message>
        <source>Looking for the studio…</source>
        <translation>Studio wird gesucht …</translation>
    </message>
    <message>
        <source>Found {studio} at {address}.</source>
        <translation>{studio} unter {address} gefunden.</translation>
    </message>
    <message>
        <source>Its certificate is vouched for by a public authority.</source>
        <translation>Sein Zertifikat wird von einer öffentlichen Zertifizierungsstelle bestätigt.</translation>
    </message>
    <message>
        <source>This is a test server on this computer (no encryption).</source>
        <translation>Dies ist ein Testserver auf diesem Computer (keine Verschlüsselung).</translation>
    </message>
    <message>
        <source>Its certificate matches the code from your studio.</source>
        <translation>Sein Zertifikat stimmt mit dem Code Ihres Studios überein.</translation>
    </message>
    <message>
        <source>Its certificate is the studio&apos;s own. Check that this fingerprint is the one your studio gave you before you trust it:
{fingerprint}</source>
        <translation>Es handelt sich um ein eigenes Zertifikat des Studios. Prüfen Sie, bevor Sie ihm vertrauen, ob dieser Fingerabdruck der ist, den Ihnen Ihr Studio gegeben hat:
{fingerprint}</translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <source>Day close</source>
        <translation>Tagesabschluss</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>in {zone}</source>
        <translation>in {zone}</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Eingenommen</translation>
    </message>
    <message>
        <source>Credit notes</source>
        <translation>Gutschriften</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Takings by payment method</source>
        <translation>Einnahmen nach Zahlungsart</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>MwSt.-Satz</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Takings by VAT rate</source>
        <translation>Einnahmen nach MwSt.-Satz</translation>
    </message>
    <message>
        <source>&amp;Save PDF and CSV…</source>
        <translation>PDF und CSV &amp;speichern …</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Nach Zahlungsart</translation>
    </message>
    <message>
        <source>By VAT rate</source>
        <translation>Nach MwSt.-Satz</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>{receipts} receipts, {taken}; {refunds} credit notes, {refunded}. Takings: {gross} (net {net}, VAT {vat}).</source>
        <translation>{receipts} Belege, {taken}; {refunds} Gutschriften, {refunded}. Einnahmen: {gross} (netto {net}, MwSt. {vat}).</translation>
    </message>
    <message>
        <source>Nothing was taken on this day.</source>
        <translation>An diesem Tag gab es keine Einnahmen.</translation>
    </message>
    <message>
        <source>Day close {day}</source>
        <translation>Tagesabschluss {day}</translation>
    </message>
    <message>
        <source>Save day close</source>
        <translation>Tagesabschluss speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Saved {pdf} and {csv}.</source>
        <translation>{pdf} und {csv} gespeichert.</translation>
    </message>
</context>
<context>
    <name>DeskActionsPane</name>
    <message>
        <source>&amp;Approve payment…</source>
        <translation>Zahlung &amp;bestätigen …</translation>
    </message>
    <message>
        <source>Re&amp;fuse…</source>
        <translation>&amp;Ablehnen …</translation>
    </message>
    <message>
        <source>&amp;Cancel…</source>
        <translation>&amp;Stornieren …</translation>
    </message>
    <message>
        <source>Co&amp;mpleted</source>
        <translation>Ab&amp;geschlossen</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>&amp;Nicht erschienen</translation>
    </message>
    <message>
        <source>Mo&amp;ve…</source>
        <translation>&amp;Verschieben …</translation>
    </message>
    <message>
        <source>Override &amp;price…</source>
        <translation>&amp;Preis überschreiben …</translation>
    </message>
    <message>
        <source>What the last action did</source>
        <translation>Was die letzte Aktion bewirkt hat</translation>
    </message>
    <message>
        <source>Managers and owners only.</source>
        <translation>Nur Leitung und Inhaber.</translation>
    </message>
    <message>
        <source>This session is {status}.</source>
        <translation>Dieser Termin ist {status}.</translation>
    </message>
    <message>
        <source>Once the session has started.</source>
        <translation>Sobald der Termin begonnen hat.</translation>
    </message>
    <message>
        <source>Only a pending pay-later or bank-transfer booking can be refused.</source>
        <translation>Nur eine ausstehende Buchung mit späterer Bezahlung oder Überweisung kann abgelehnt werden.</translation>
    </message>
    <message>
        <source>Paid with bundle credit; nothing awaits payment.</source>
        <translation>Mit Paketguthaben bezahlt; keine Zahlung offen.</translation>
    </message>
    <message>
        <source>Paid (receipt {number}).</source>
        <translation>Bezahlt (Beleg {number}).</translation>
    </message>
    <message>
        <source>Paid and refunded.</source>
        <translation>Bezahlt und erstattet.</translation>
    </message>
    <message>
        <source>The open payment was withdrawn.</source>
        <translation>Die offene Zahlung wurde zurückgezogen.</translation>
    </message>
    <message>
        <source>The session of {name} is marked completed.</source>
        <translation>Der Termin von {name} ist als abgeschlossen markiert.</translation>
    </message>
    <message>
        <source>The session of {name} is marked a no-show.</source>
        <translation>Der Termin von {name} ist als „nicht erschienen“ markiert.</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <source>{name}: {service}, {when}</source>
        <translation>{name}: {service}, {when}</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>The database at {where} has no studio yet. On a shared database the studio&apos;s IT creates it with “podyx-admin studio apply FILE.toml”; or choose another database.</source>
        <translation>Die Datenbank unter {where} enthält noch kein Studio. Bei einer gemeinsam genutzten Datenbank legt die IT des Studios es mit „podyx-admin studio apply FILE.toml“ an; oder wählen Sie eine andere Datenbank.</translation>
    </message>
    <message>
        <source>Preparing the demo studio…</source>
        <translation>Demo-Studio wird vorbereitet …</translation>
    </message>
    <message>
        <source>Opening the studio…</source>
        <translation>Studio wird geöffnet …</translation>
    </message>
    <message>
        <source>Choose a Podyx database</source>
        <translation>Podyx-Datenbank auswählen</translation>
    </message>
    <message>
        <source>Podyx databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Podyx-Datenbanken (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Getting your bookings from the studio…</source>
        <translation>Ihre Buchungen werden vom Studio abgerufen …</translation>
    </message>
</context>
<context>
    <name>DocumentDownload</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>&amp;Download receipt…</source>
        <translation>Beleg &amp;herunterladen …</translation>
    </message>
    <message>
        <source>&amp;Download credit note…</source>
        <translation>Gutschrift &amp;herunterladen …</translation>
    </message>
    <message>
        <source>&amp;Download pro-forma…</source>
        <translation>Proforma-Rechnung &amp;herunterladen …</translation>
    </message>
    <message>
        <source>The receipt is issued when the payment is recorded.</source>
        <translation>Der Beleg wird ausgestellt, sobald die Zahlung erfasst ist.</translation>
    </message>
    <message>
        <source>This payment was withdrawn, so there is no receipt.</source>
        <translation>Diese Zahlung wurde zurückgezogen, daher gibt es keinen Beleg.</translation>
    </message>
    <message>
        <source>Save credit note</source>
        <translation>Gutschrift speichern</translation>
    </message>
    <message>
        <source>Credit note {number}</source>
        <translation>Gutschrift {number}</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Beleg speichern</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>Beleg {number}</translation>
    </message>
    <message>
        <source>Save pro-forma</source>
        <translation>Proforma-Rechnung speichern</translation>
    </message>
    <message>
        <source>Pro-forma for purchase {number}</source>
        <translation>Proforma-Rechnung zu Kauf {number}</translation>
    </message>
    <message>
        <source>Session {date} {service}</source>
        <translation>Termin {date} {service}</translation>
    </message>
    <message>
        <source>Save session summary</source>
        <translation>Terminübersicht speichern</translation>
    </message>
    <message>
        <source>Bundle statement {name}</source>
        <translation>Paketauszug {name}</translation>
    </message>
    <message>
        <source>Save bundle statement</source>
        <translation>Paketauszug speichern</translation>
    </message>
    <message>
        <source>you may not write there, or the file is open in another program. Close it, or choose another folder</source>
        <translation>Sie haben dort möglicherweise keine Schreibrechte, oder die Datei ist in einem anderen Programm geöffnet. Schließen Sie sie oder wählen Sie einen anderen Ordner</translation>
    </message>
    <message>
        <source>part of that path is a file, not a folder. Choose another folder</source>
        <translation>ein Teil dieses Pfads ist eine Datei, kein Ordner. Wählen Sie einen anderen Ordner</translation>
    </message>
    <message>
        <source>that folder does not exist. Choose another folder</source>
        <translation>dieser Ordner existiert nicht. Wählen Sie einen anderen Ordner</translation>
    </message>
    <message>
        <source>the disk is full. Free some space, or choose another disk</source>
        <translation>der Datenträger ist voll. Geben Sie Speicherplatz frei oder wählen Sie einen anderen Datenträger</translation>
    </message>
    <message>
        <source>Could not save “{name}” in {folder}: {reason}.</source>
        <translation>„{name}“ konnte nicht in {folder} gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Document saved</source>
        <translation>Dokument gespeichert</translation>
    </message>
    <message>
        <source>Saved “{name}”. Open it now?</source>
        <translation>„{name}“ gespeichert. Jetzt öffnen?</translation>
    </message>
    <message>
        <source>It is in {folder}.</source>
        <translation>Es liegt in {folder}.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Open the document</source>
        <translation>Dokument öffnen</translation>
    </message>
    <message>
        <source>Close without opening</source>
        <translation>Schließen, ohne zu öffnen</translation>
    </message>
    <message>
        <source>No program to open PDF files was found. The file is in {folder}.</source>
        <translation>Es wurde kein Programm zum Öffnen von PDF-Dateien gefunden. Die Datei liegt in {folder}.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Your session is booked: {service} in {room}, {when}.</source>
        <translation>Ihr Termin ist gebucht: {service} in {room}, {when}.</translation>
    </message>
    <message>
        <source>Waiting for payment approval</source>
        <translation>Wartet auf Bestätigung der Zahlung</translation>
    </message>
    <message>
        <source>It stays pending until the studio has received your payment.</source>
        <translation>Er bleibt ausstehend, bis das Studio Ihre Zahlung erhalten hat.</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Paid {total}; receipt {number}.</source>
        <translation>{total} bezahlt; Beleg {number}.</translation>
    </message>
    <message>
        <source>Total {total}; the receipt follows when the payment is recorded.</source>
        <translation>Gesamt {total}; der Beleg folgt, sobald die Zahlung erfasst ist.</translation>
    </message>
    <message>
        <source>Your account has been created; you are signed in as {email}.</source>
        <translation>Ihr Konto wurde erstellt; Sie sind als {email} angemeldet.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} Std.</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
</context>
<context>
    <name>EditClientDialog</name>
    <message>
        <source>Client&apos;s details</source>
        <translation>Angaben des Kunden</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Vollständiger &amp;Name</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>The details of {name} were saved.</source>
        <translation>Die Angaben von {name} wurden gespeichert.</translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <source>Podyx</source>
        <translation>Podyx</translation>
    </message>
</context>
<context>
    <name>ExportPurchasesDialog</name>
    <message>
        <source>Export purchases</source>
        <translation>Käufe exportieren</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;Save CSV…</source>
        <translation>CSV &amp;speichern …</translation>
    </message>
    <message>
        <source>Every receipt and credit note issued on these days (inclusive).</source>
        <translation>Alle an diesen Tagen ausgestellten Belege und Gutschriften (einschließlich).</translation>
    </message>
    <message>
        <source>Save purchases</source>
        <translation>Käufe speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <source>Shared files</source>
        <translation>Geteilte Dateien</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Herunterladen …</translation>
    </message>
    <message>
        <source>Share a &amp;file…</source>
        <translation>&amp;Datei teilen …</translation>
    </message>
    <message>
        <source>Share a &amp;link…</source>
        <translation>&amp;Link teilen …</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Files the studio shared with you</source>
        <translation>Dateien, die das Studio mit Ihnen geteilt hat</translation>
    </message>
    <message>
        <source>Files shared with {name}</source>
        <translation>Mit {name} geteilte Dateien</translation>
    </message>
    <message>
        <source>No files yet. Edits, reels and footage the studio shares appear here.</source>
        <translation>Noch keine Dateien. Schnitte, Reels und Aufnahmen, die das Studio teilt, erscheinen hier.</translation>
    </message>
    <message>
        <source>Nothing shared with {name} yet.</source>
        <translation>Noch nichts mit {name} geteilt.</translation>
    </message>
    <message>
        <source>&amp;Open link</source>
        <translation>Link ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Save the file in…</source>
        <translation>Datei speichern in …</translation>
    </message>
    <message>
        <source>%p% of {size}</source>
        <translation>%p% von {size}</translation>
    </message>
    <message>
        <source>Downloading “{name}”…</source>
        <translation>„{name}“ wird heruntergeladen …</translation>
    </message>
    <message>
        <source>Saved to {path}
Checksum verified (SHA-256 {sha256}).</source>
        <translation>Gespeichert unter {path}
Prüfsumme bestätigt (SHA-256 {sha256}).</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>Wird geteilt …</translation>
    </message>
    <message>
        <source>Shared “{name}” ({size}).</source>
        <translation>„{name}“ ({size}) geteilt.</translation>
    </message>
    <message>
        <source>link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Revoke the share</source>
        <translation>Freigabe widerrufen</translation>
    </message>
    <message>
        <source>Stop sharing “{name}”? It disappears from the client&apos;s Files tab and the studio&apos;s stored copy is deleted.</source>
        <translation>„{name}“ nicht mehr teilen? Die Datei verschwindet aus dem Bereich „Dateien“ des Kunden, und die beim Studio gespeicherte Kopie wird gelöscht.</translation>
    </message>
    <message>
        <source>“{name}” is no longer shared.</source>
        <translation>„{name}“ wird nicht mehr geteilt.</translation>
    </message>
</context>
<context>
    <name>FilesTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>Shared by</source>
        <translation>Geteilt von</translation>
    </message>
    <message>
        <source>● New  </source>
        <translation>● Neu  </translation>
    </message>
    <message>
        <source>link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>The studio</source>
        <translation>Das Studio</translation>
    </message>
    <message>
        <source>New: not opened yet</source>
        <translation>Neu: noch nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <source>Podyx — Create your studio</source>
        <translation>Podyx — Studio anlegen</translation>
    </message>
    <message>
        <source>Create your studio</source>
        <translation>Studio anlegen</translation>
    </message>
    <message>
        <source>This database ({where}) has no studio yet. Tell Podyx about your studio and make the owner&apos;s account; you add rooms, services and opening hours next.</source>
        <translation>Diese Datenbank ({where}) enthält noch kein Studio. Geben Sie Podyx die Angaben zu Ihrem Studio und legen Sie das Konto des Inhabers an; Räume, Leistungen und Öffnungszeiten fügen Sie anschließend hinzu.</translation>
    </message>
    <message>
        <source>Studio &amp;name</source>
        <translation>Studio&amp;name</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Postal code</source>
        <translation>&amp;Postleitzahl</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation>&amp;Land</translation>
    </message>
    <message>
        <source>&amp;VAT number</source>
        <translation>&amp;USt-IdNr.</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>W&amp;ährung</translation>
    </message>
    <message>
        <source>&amp;Language and formats</source>
        <translation>&amp;Sprache und Formate</translation>
    </message>
    <message>
        <source>Prices include VAT</source>
        <translation>Preise enthalten MwSt.</translation>
    </message>
    <message>
        <source>Default VAT &amp;rate</source>
        <translation>Standard-&amp;MwSt.-Satz</translation>
    </message>
    <message>
        <source>The owner&apos;s account</source>
        <translation>Das Konto des Inhabers</translation>
    </message>
    <message>
        <source>Your na&amp;me</source>
        <translation>&amp;Ihr Name</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>Passwort wie&amp;derholen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Create the studio</source>
        <translation>Studio anlegen</translation>
    </message>
    <message>
        <source>Try the demo studio instead</source>
        <translation>Stattdessen das Demo-Studio ausprobieren</translation>
    </message>
    <message>
        <source>Give the studio a name.</source>
        <translation>Geben Sie dem Studio einen Namen.</translation>
    </message>
    <message>
        <source>Write your name.</source>
        <translation>Geben Sie Ihren Namen ein.</translation>
    </message>
    <message>
        <source>Write your email address: you sign in with it.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein: Damit melden Sie sich an.</translation>
    </message>
    <message>
        <source>Choose a time zone from the list, e.g. Europe/Berlin.</source>
        <translation>Wählen Sie eine Zeitzone aus der Liste, z. B. Europe/Berlin.</translation>
    </message>
    <message>
        <source>A currency is a three-letter code: EUR.</source>
        <translation>Eine Währung ist ein Code aus drei Buchstaben: EUR.</translation>
    </message>
    <message>
        <source>A password has at least {n} characters.</source>
        <translation>Ein Passwort hat mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird angelegt …</translation>
    </message>
</context>
<context>
    <name>HoursSection</name>
    <message>
        <source>Opening hours &amp; closed dates</source>
        <translation>Öffnungszeiten &amp; Schließtage</translation>
    </message>
    <message>
        <source>Each day: times like 09:00–13:00, 14:00–22:00; empty: closed.</source>
        <translation>Je Tag: Zeiten wie 09:00–13:00, 14:00–22:00; leer: geschlossen.</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>Save the opening &amp;hours</source>
        <translation>&amp;Öffnungszeiten speichern</translation>
    </message>
    <message>
        <source>Closed dates (holidays)</source>
        <translation>Schließtage (Feiertage)</translation>
    </message>
    <message>
        <source>Closed dates</source>
        <translation>Schließtage</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Geschlossen am</translation>
    </message>
    <message>
        <source>Reason, e.g. Christmas</source>
        <translation>Grund, z. B. Weihnachten</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Add closed date</source>
        <translation>&amp;Schließtag hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Saved the opening hours.</source>
        <translation>Öffnungszeiten gespeichert.</translation>
    </message>
    <message>
        <source>Closed on {day}.</source>
        <translation>Am {day} geschlossen.</translation>
    </message>
    <message>
        <source>Choose a closed date to remove.</source>
        <translation>Wählen Sie den Schließtag aus, der entfernt werden soll.</translation>
    </message>
    <message>
        <source>Open again on that date.</source>
        <translation>An diesem Tag wieder geöffnet.</translation>
    </message>
</context>
<context>
    <name>IssueBundleDialog</name>
    <message>
        <source>Issue a bundle</source>
        <translation>Paket vergeben</translation>
    </message>
    <message>
        <source>&amp;Issue bundle</source>
        <translation>Paket &amp;vergeben</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Reason for issuing the bundle</source>
        <translation>Grund für die Vergabe des Pakets</translation>
    </message>
    <message>
        <source>&amp;Bundle:</source>
        <translation>&amp;Paket:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Loading the bundles…</source>
        <translation>Pakete werden geladen…</translation>
    </message>
    <message>
        <source>{name} ({sessions} sessions, {price})</source>
        <translation>{name} ({sessions} Termine, {price})</translation>
    </message>
    <message>
        <source>The studio has no bundles to issue.</source>
        <translation>Das Studio hat keine Pakete, die vergeben werden können.</translation>
    </message>
    <message>
        <source>Say why the bundle is issued; the audit log keeps it.</source>
        <translation>Geben Sie an, warum das Paket vergeben wird; das Protokoll hält es fest.</translation>
    </message>
    <message>
        <source>{bundle} was issued to {name}.</source>
        <translation>{bundle} wurde an {name} vergeben.</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>Wie das System ({language})</translation>
    </message>
    <message>
        <source>Podyx speaks the language you chose when you next start it.</source>
        <translation>Podyx verwendet die gewählte Sprache ab dem nächsten Start.</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>Hide from new bookings; nothing is deleted</source>
        <translation>Für neue Buchungen ausblenden; nichts wird gelöscht</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (archiviert)</translation>
    </message>
    <message>
        <source>Editing {name}</source>
        <translation>Bearbeiten: {name}</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{studio} — Podyx</source>
        <translation>{studio} — Podyx</translation>
    </message>
    <message>
        <source>Profile sections</source>
        <translation>Profilbereiche</translation>
    </message>
    <message>
        <source>&amp;Bookings</source>
        <translation>&amp;Buchungen</translation>
    </message>
    <message>
        <source>B&amp;undles</source>
        <translation>&amp;Pakete</translation>
    </message>
    <message>
        <source>&amp;Purchases</source>
        <translation>&amp;Käufe</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>K&amp;onto</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Dateien</translation>
    </message>
    <message>
        <source>&amp;Bookings ● {count}</source>
        <translation>&amp;Buchungen ● {count}</translation>
    </message>
    <message>
        <source>&amp;Files ● {count}</source>
        <translation>&amp;Dateien ● {count}</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>Neue Buchung</translation>
    </message>
    <message>
        <source>Book a session (Ctrl+N)</source>
        <translation>Termin buchen (Strg+N)</translation>
    </message>
    <message>
        <source>My Profile</source>
        <translation>Mein Profil</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Show {tab}</source>
        <translation>{tab} anzeigen</translation>
    </message>
    <message>
        <source>Account menu for {name}</source>
        <translation>Kontomenü für {name}</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move session</source>
        <translation>Termin verschieben</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>Outside the studio&apos;s rules (give a reason)</source>
        <translation>Außerhalb der Studioregeln (mit Begründung)</translation>
    </message>
    <message>
        <source>Reason for moving outside the rules</source>
        <translation>Grund für das Verschieben außerhalb der Regeln</translation>
    </message>
    <message>
        <source>Start time outside the rules</source>
        <translation>Beginn außerhalb der Regeln</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Start time:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <source>Give a reason for moving the session outside the studio&apos;s rules.</source>
        <translation>Geben Sie einen Grund an, warum der Termin außerhalb der Studioregeln verschoben wird.</translation>
    </message>
    <message>
        <source>The session of {name} is now on {when}.</source>
        <translation>Der Termin von {name} ist jetzt am {when}.</translation>
    </message>
</context>
<context>
    <name>NewClientDialog</name>
    <message>
        <source>New client</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>&amp;Open the client</source>
        <translation>&amp;Kunden öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>NewClientForm</name>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>C&amp;reate the account</source>
        <translation>&amp;Konto anlegen</translation>
    </message>
    <message>
        <source>New client message</source>
        <translation>Meldung zum neuen Kunden</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Vollständiger &amp;Name</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
</context>
<context>
    <name>NewCodeDialog</name>
    <message>
        <source>New one-time code</source>
        <translation>Neuer Einmalcode</translation>
    </message>
    <message>
        <source>&amp;Issue a new code</source>
        <translation>Neuen &amp;Code ausstellen</translation>
    </message>
    <message>
        <source>The client sets a new password with the code on the sign-in screen (&quot;I have a code from the studio&quot;). An earlier code stops working.</source>
        <translation>Der Kunde legt mit dem Code auf dem Anmeldebildschirm ein neues Passwort fest („Ich habe einen Code vom Studio“). Ein früherer Code funktioniert dann nicht mehr.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>A new one-time code for {name} was issued.</source>
        <translation>Für {name} wurde ein neuer Einmalcode ausgestellt.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>The note&apos;s text</source>
        <translation>Text der Notiz</translation>
    </message>
    <message>
        <source>Plain text; links (https://…) become clickable.</source>
        <translation>Reiner Text; Links (https://…) werden anklickbar.</translation>
    </message>
    <message>
        <source>For the &amp;client (a post-session update)</source>
        <translation>Für den &amp;Kunden (Rückmeldung nach dem Termin)</translation>
    </message>
    <message>
        <source>&amp;Internal — staff only, never shown to the client</source>
        <translation>&amp;Intern — nur für Mitarbeiter, wird dem Kunden nie angezeigt</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>&amp;Notiz hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Notes on this session</source>
        <translation>Notizen zu diesem Termin</translation>
    </message>
    <message>
        <source>Add n&amp;ote…</source>
        <translation>Notiz &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit note…</source>
        <translation>Notiz &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Histor&amp;y…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>De&amp;lete note</source>
        <translation>Notiz &amp;löschen</translation>
    </message>
    <message>
        <source>What the last note action did</source>
        <translation>Ergebnis der letzten Notizaktion</translation>
    </message>
    <message>
        <source> · edited</source>
        <translation> · bearbeitet</translation>
    </message>
    <message>
        <source>[Internal] </source>
        <translation>[Intern] </translation>
    </message>
    <message>
        <source> · read by the client</source>
        <translation> · vom Kunden gelesen</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Notiz hinzugefügt.</translation>
    </message>
    <message>
        <source>Note changed; the earlier text is kept.</source>
        <translation>Notiz geändert; der frühere Text bleibt erhalten.</translation>
    </message>
    <message>
        <source>Note history</source>
        <translation>Notizverlauf</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Delete this note?</source>
        <translation>Diese Notiz löschen?</translation>
    </message>
    <message>
        <source>It disappears for everyone, the client included; the audit log keeps that it was deleted, by whom and when.</source>
        <translation>Sie verschwindet für alle, auch für den Kunden; das Protokoll hält fest, dass sie gelöscht wurde, von wem und wann.</translation>
    </message>
    <message>
        <source>Keep note</source>
        <translation>Notiz behalten</translation>
    </message>
    <message>
        <source>Note deleted.</source>
        <translation>Notiz gelöscht.</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Connection to the studio</source>
        <translation>Verbindung zum Studio</translation>
    </message>
    <message>
        <source>You are offline: showing what was synced at {time}.</source>
        <translation>Sie sind offline: Angezeigt wird der zuletzt synchronisierte Stand ({time}).</translation>
    </message>
    <message>
        <source>You are offline.</source>
        <translation>Sie sind offline.</translation>
    </message>
    <message>
        <source>Everything stays readable; booking, cancelling and buying need the studio, and nothing is saved until it can be reached again.</source>
        <translation>Alles bleibt lesbar; Buchen, Stornieren und Kaufen erfordern eine Verbindung zum Studio, und nichts wird gespeichert, bis es wieder erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>OperationDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>{name}: {what} — {amount}</source>
        <translation>{name}: {what} — {amount}</translation>
    </message>
</context>
<context>
    <name>PaymentMethod</name>
    <message>
        <source>Card at the front desk</source>
        <translation>Karte am Empfang</translation>
    </message>
    <message>
        <source>Cash at the front desk</source>
        <translation>Bar am Empfang</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Banküberweisung</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Bundle credit</source>
        <translation>Paketguthaben</translation>
    </message>
    <message>
        <source>Pay later</source>
        <translation>Später bezahlen</translation>
    </message>
</context>
<context>
    <name>PaymentMethodPicker</name>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>{method} ({available} available)</source>
        <translation>{method} ({available} verfügbar)</translation>
    </message>
    <message>
        <source>The studio sends you its bank details; nothing is charged now.</source>
        <translation>Das Studio sendet Ihnen seine Bankverbindung; jetzt wird nichts berechnet.</translation>
    </message>
    <message>
        <source>Nothing is charged now; you pay the studio later.</source>
        <translation>Jetzt wird nichts berechnet; Sie bezahlen das Studio später.</translation>
    </message>
    <message>
        <source>The booking stays pending until the payment arrives; the receipt follows.</source>
        <translation>Die Buchung bleibt ausstehend, bis die Zahlung eingeht; der Beleg folgt.</translation>
    </message>
    <message>
        <source>The bundle can be used once the payment arrives; the receipt follows.</source>
        <translation>Das Paket kann genutzt werden, sobald die Zahlung eingeht; der Beleg folgt.</translation>
    </message>
    <message>
        <source>The receipt follows when the payment arrives.</source>
        <translation>Der Beleg folgt, sobald die Zahlung eingeht.</translation>
    </message>
    <message>
        <source>Paid now from your store credit; you get the receipt at once.</source>
        <translation>Sofort mit Ihrem Guthaben bezahlt; Sie erhalten den Beleg umgehend.</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>How would you like to pay?</source>
        <translation>Wie möchten Sie bezahlen?</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>Payment &amp;method:</source>
        <translation>&amp;Zahlungsart:</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Gesamt: {amount}</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Wird gebucht…</translation>
    </message>
</context>
<context>
    <name>PaymentsPlace</name>
    <message>
        <source>Pending payments</source>
        <translation>Ausstehende Zahlungen</translation>
    </message>
    <message>
        <source>Search by client name</source>
        <translation>Nach Kundenname suchen</translation>
    </message>
    <message>
        <source>Search pending payments by client name</source>
        <translation>Ausstehende Zahlungen nach Kundenname durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Freigeben…</translation>
    </message>
    <message>
        <source>Record the payment with the method used</source>
        <translation>Die Zahlung mit der verwendeten Zahlungsart erfassen</translation>
    </message>
    <message>
        <source>Re&amp;fuse…</source>
        <translation>&amp;Ablehnen…</translation>
    </message>
    <message>
        <source>Cancel the booking or withdraw the purchase</source>
        <translation>Die Buchung stornieren oder den Kauf zurückziehen</translation>
    </message>
    <message>
        <source>&amp;Mark transfers received</source>
        <translation>&amp;Überweisungen als eingegangen markieren</translation>
    </message>
    <message>
        <source>Record every selected payment as paid by bank transfer</source>
        <translation>Alle ausgewählten Zahlungen als per Banküberweisung bezahlt erfassen</translation>
    </message>
    <message>
        <source>&amp;Day close…</source>
        <translation>&amp;Tagesabschluss…</translation>
    </message>
    <message>
        <source>&amp;Export purchases…</source>
        <translation>Käufe &amp;exportieren…</translation>
    </message>
    <message>
        <source>What the last action did</source>
        <translation>Ergebnis der letzten Aktion</translation>
    </message>
    <message>
        <source>&amp;Mark transfer received</source>
        <translation>&amp;Überweisung als eingegangen markieren</translation>
    </message>
    <message>
        <source>Select the transfers that were received.</source>
        <translation>Wählen Sie die eingegangenen Überweisungen aus.</translation>
    </message>
    <message>
        <source>Recording {count} payments…</source>
        <translation>{count} Zahlungen werden erfasst…</translation>
    </message>
</context>
<context>
    <name>PendingPayments</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
</context>
<context>
    <name>PendingPaymentsModel</name>
    <message>
        <source>Waiting</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Wofür</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Method chosen</source>
        <translation>Gewählte Zahlungsart</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Ordered {when}</source>
        <translation>Bestellt am {when}</translation>
    </message>
    <message>
        <source>Add-ons to {service}, {when}</source>
        <translation>Zusatzleistungen zu {service}, {when}</translation>
    </message>
    <message>
        <source>{service}, {when}</source>
        <translation>{service}, {when}</translation>
    </message>
    <message>
        <source>Bundle: {name}</source>
        <translation>Paket: {name}</translation>
    </message>
</context>
<context>
    <name>PoliciesSection</name>
    <message>
        <source>Policies</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Studio: {what}</source>
        <translation>Studio: {what}</translation>
    </message>
    <message>
        <source>Save the studio&apos;s rules</source>
        <translation>Studioregeln speichern</translation>
    </message>
    <message>
        <source>The studio&apos;s rules (every room and setup inherits)</source>
        <translation>Die Studioregeln (gelten für jeden Raum und Aufbau)</translation>
    </message>
    <message>
        <source>Overrides per room and setup: their own value, beside what they inherit</source>
        <translation>Abweichungen je Raum und Aufbau: eigener Wert neben dem übernommenen</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Abweichungen</translation>
    </message>
    <message>
        <source>Room or setup</source>
        <translation>Raum oder Aufbau</translation>
    </message>
    <message>
        <source>Choose a room or setup to override its rules.</source>
        <translation>Wählen Sie einen Raum oder Aufbau, um abweichende Regeln festzulegen.</translation>
    </message>
    <message>
        <source>inherit</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>Override: {what}</source>
        <translation>Abweichung: {what}</translation>
    </message>
    <message>
        <source>Save the override</source>
        <translation>Abweichung speichern</translation>
    </message>
    <message>
        <source>&amp;Clear override</source>
        <translation>Abweichung &amp;entfernen</translation>
    </message>
    <message>
        <source>{own} (default {inherited})</source>
        <translation>{own} (Standard {inherited})</translation>
    </message>
    <message>
        <source>{inherited} (inherited)</source>
        <translation>{inherited} (übernommen)</translation>
    </message>
    <message>
        <source>Overrides of {name}</source>
        <translation>Abweichungen für {name}</translation>
    </message>
    <message>
        <source>Saved the studio&apos;s rules.</source>
        <translation>Studioregeln gespeichert.</translation>
    </message>
    <message>
        <source>Saved the overrides of {name}.</source>
        <translation>Abweichungen für {name} gespeichert.</translation>
    </message>
    <message>
        <source>{name} follows the rules it inherits again.</source>
        <translation>{name} folgt wieder den übernommenen Regeln.</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>Override price</source>
        <translation>Preis überschreiben</translation>
    </message>
    <message>
        <source>&amp;Change price</source>
        <translation>&amp;Preis ändern</translation>
    </message>
    <message>
        <source>New total</source>
        <translation>Neuer Gesamtbetrag</translation>
    </message>
    <message>
        <source>Reason for the new price</source>
        <translation>Grund für den neuen Preis</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Aktuell:</translation>
    </message>
    <message>
        <source>New total:</source>
        <translation>Neuer Gesamtbetrag:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Type the new total as an amount, e.g. {example}.</source>
        <translation>Geben Sie den neuen Gesamtbetrag als Betrag ein, z. B. {example}.</translation>
    </message>
    <message>
        <source>Give a reason for the new price.</source>
        <translation>Geben Sie einen Grund für den neuen Preis an.</translation>
    </message>
    <message>
        <source>The price is now {amount}.</source>
        <translation>Der Preis beträgt jetzt {amount}.</translation>
    </message>
</context>
<context>
    <name>PriceLinesModel</name>
    <message>
        <source>Item</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>MwSt.-Satz</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>PriceSummaryView</name>
    <message>
        <source>Price lines</source>
        <translation>Preispositionen</translation>
    </message>
    <message>
        <source>VAT per rate</source>
        <translation>MwSt. je Satz</translation>
    </message>
    <message>
        <source>Discount: {amount}</source>
        <translation>Rabatt: {amount}</translation>
    </message>
    <message>
        <source>Promo code {code}: {amount}</source>
        <translation>Aktionscode {code}: {amount}</translation>
    </message>
    <message>
        <source>Includes VAT {rate}: {vat} (net {net})</source>
        <translation>Enthält MwSt. {rate}: {vat} (netto {net})</translation>
    </message>
    <message>
        <source>VAT {rate} on {net}: {vat}</source>
        <translation>MwSt. {rate} auf {net}: {vat}</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Gesamt: {amount}</translation>
    </message>
</context>
<context>
    <name>PromoCodeRow</name>
    <message>
        <source>Promo code</source>
        <translation>Aktionscode</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>An&amp;wenden</translation>
    </message>
    <message>
        <source>Apply promo code</source>
        <translation>Aktionscode anwenden</translation>
    </message>
    <message>
        <source>Pro&amp;mo code:</source>
        <translation>&amp;Aktionscode:</translation>
    </message>
</context>
<context>
    <name>PromoSection</name>
    <message>
        <source>Promo codes</source>
        <translation>Aktionscodes</translation>
    </message>
    <message>
        <source>New &amp;promo code</source>
        <translation>&amp;Neuer Aktionscode</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Prozentrabatt</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>Betragsrabatt</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>&amp;Percent</source>
        <translation>&amp;Prozent</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Betrag</translation>
    </message>
    <message>
        <source>&amp;Scope</source>
        <translation>&amp;Geltungsbereich</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>&amp;Total uses at most</source>
        <translation>Max. Nutzungen &amp;insgesamt</translation>
    </message>
    <message>
        <source>Uses per c&amp;lient</source>
        <translation>Nutzungen pro &amp;Kunde</translation>
    </message>
    <message>
        <source>Used so far</source>
        <translation>Bisher genutzt</translation>
    </message>
    <message>
        <source>A new promo code</source>
        <translation>Ein neuer Aktionscode</translation>
    </message>
    <message>
        <source>Service: {name}</source>
        <translation>Leistung: {name}</translation>
    </message>
    <message>
        <source>Setup: {room} · {name}</source>
        <translation>Aufbau: {room} · {name}</translation>
    </message>
    <message>
        <source>Bundle: {name}</source>
        <translation>Paket: {name}</translation>
    </message>
    <message>
        <source>{code} · {off} · used {uses}×</source>
        <translation>{code} · {off} · {uses}× genutzt</translation>
    </message>
    <message>
        <source>This code applies to several items (set in the studio file): change it there</source>
        <translation>Dieser Code gilt für mehrere Positionen (in der Studiodatei festgelegt): Ändern Sie ihn dort</translation>
    </message>
    <message>
        <source>Write the code clients type, e.g. SUMMER10.</source>
        <translation>Geben Sie den Code ein, den Kunden eintippen, z. B. SOMMER10.</translation>
    </message>
    <message>
        <source>Write the amount off, e.g. {example}.</source>
        <translation>Geben Sie den Rabattbetrag ein, z. B. {example}.</translation>
    </message>
    <message>
        <source>Added the promo code {code}.</source>
        <translation>Aktionscode {code} hinzugefügt.</translation>
    </message>
    <message>
        <source>Saved the promo code {code}.</source>
        <translation>Aktionscode {code} gespeichert.</translation>
    </message>
    <message>
        <source>Restored: clients may use it again.</source>
        <translation>Wiederhergestellt: Kunden können ihn wieder verwenden.</translation>
    </message>
    <message>
        <source>Retired: clients can no longer use it.</source>
        <translation>Archiviert: Kunden können ihn nicht mehr verwenden.</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>Purchase</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>P&amp;urchase:</source>
        <translation>&amp;Kauf:</translation>
    </message>
</context>
<context>
    <name>PurchaseKind</name>
    <message>
        <source>Session</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Zusatzleistungen</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>Gutschrift</translation>
    </message>
</context>
<context>
    <name>PurchaseKindLong</name>
    <message>
        <source>Session payment</source>
        <translation>Terminzahlung</translation>
    </message>
    <message>
        <source>Bundle purchase</source>
        <translation>Paketkauf</translation>
    </message>
    <message>
        <source>Add-on charge</source>
        <translation>Berechnung von Zusatzleistungen</translation>
    </message>
    <message>
        <source>Refund (credit note)</source>
        <translation>Erstattung (Gutschrift)</translation>
    </message>
</context>
<context>
    <name>PurchaseStatus</name>
    <message>
        <source>Awaiting payment</source>
        <translation>Zahlung ausstehend</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Ungültig</translation>
    </message>
</context>
<context>
    <name>PurchasesTab</name>
    <message>
        <source>Purchases and refunds</source>
        <translation>Käufe und Erstattungen</translation>
    </message>
    <message>
        <source>Select a purchase to see its lines.</source>
        <translation>Wählen Sie einen Kauf aus, um seine Positionen zu sehen.</translation>
    </message>
    <message>
        <source>A receipt number is issued when the payment is recorded.</source>
        <translation>Eine Belegnummer wird vergeben, sobald die Zahlung erfasst ist.</translation>
    </message>
    <message>
        <source>Receipt no.:</source>
        <translation>Beleg-Nr.:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Payment method:</source>
        <translation>Zahlungsart:</translation>
    </message>
    <message>
        <source>Promo code:</source>
        <translation>Aktionscode:</translation>
    </message>
    <message>
        <source>Refund:</source>
        <translation>Erstattung:</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Sign in to see your purchases.</source>
        <translation>Melden Sie sich an, um Ihre Käufe zu sehen.</translation>
    </message>
    <message>
        <source>No purchases yet. Payments and refunds appear here.</source>
        <translation>Noch keine Käufe. Zahlungen und Erstattungen erscheinen hier.</translation>
    </message>
    <message>
        <source>{kind} — {total}</source>
        <translation>{kind} — {total}</translation>
    </message>
    <message>
        <source>Not issued yet</source>
        <translation>Noch nicht ausgestellt</translation>
    </message>
    <message>
        <source>{code} (discount {amount})</source>
        <translation>{code} (Rabatt {amount})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Refund of receipt {number}</source>
        <translation>Erstattung zu Beleg {number}</translation>
    </message>
    <message>
        <source>Refunded by credit note {number}</source>
        <translation>Erstattet mit Gutschrift {number}</translation>
    </message>
</context>
<context>
    <name>PurchasesTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>Beleg-Nr.</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Promo</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Not issued yet</source>
        <translation>Noch nicht ausgestellt</translation>
    </message>
    <message>
        <source>The receipt is issued when the payment is recorded.</source>
        <translation>Der Beleg wird ausgestellt, sobald die Zahlung erfasst ist.</translation>
    </message>
    <message>
        <source>Refund of {number}</source>
        <translation>Erstattung zu {number}</translation>
    </message>
</context>
<context>
    <name>RecordPaymentDialog</name>
    <message>
        <source>Record a payment</source>
        <translation>Zahlung erfassen</translation>
    </message>
    <message>
        <source>&amp;Record payment</source>
        <translation>Zahlung &amp;erfassen</translation>
    </message>
    <message>
        <source>Payment method used</source>
        <translation>Verwendete Zahlungsart</translation>
    </message>
    <message>
        <source>Paid &amp;by:</source>
        <translation>&amp;Bezahlt per:</translation>
    </message>
    <message>
        <source>Payment of {amount} by {name} recorded; the receipt is issued.</source>
        <translation>Zahlung von {amount} durch {name} erfasst; der Beleg ist ausgestellt.</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Redeem a session</source>
        <translation>Termin einlösen</translation>
    </message>
    <message>
        <source>Room and setup</source>
        <translation>Raum und Aufbau</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>Your session</source>
        <translation>Ihr Termin</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>&amp;Confirm booking</source>
        <translation>&amp;Buchung bestätigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Confirm the redeemed session</source>
        <translation>Eingelösten Termin bestätigen</translation>
    </message>
    <message>
        <source>No setup can be booked with this bundle at the moment.</source>
        <translation>Mit diesem Paket kann derzeit kein Aufbau gebucht werden.</translation>
    </message>
    <message>
        <source>Step 1 of 2: choose where and when</source>
        <translation>Schritt 1 von 2: Ort und Zeit wählen</translation>
    </message>
    <message>
        <source>Step 2 of 2: confirm</source>
        <translation>Schritt 2 von 2: Bestätigen</translation>
    </message>
    <message>
        <source>{when} ({zone})
{where}
{bundle}: one session of {length}</source>
        <translation>{when} ({zone})
{where}
{bundle}: ein Termin von {length}</translation>
    </message>
    <message>
        <source>No payment: one session is taken from your bundle, leaving {left} of {total}.</source>
        <translation>Keine Zahlung: Ein Termin wird von Ihrem Paket abgezogen; danach bleiben {left} von {total}.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Wird gebucht…</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>&amp;Erstatten</translation>
    </message>
    <message>
        <source>Amount to refund</source>
        <translation>Zu erstattender Betrag</translation>
    </message>
    <message>
        <source>To the &amp;original payment method</source>
        <translation>Auf die &amp;ursprüngliche Zahlungsart</translation>
    </message>
    <message>
        <source>As &amp;store credit</source>
        <translation>Als &amp;Guthaben</translation>
    </message>
    <message>
        <source>Reason for the refund</source>
        <translation>Grund für die Erstattung</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Betrag:</translation>
    </message>
    <message>
        <source>Refund:</source>
        <translation>Erstattung:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>G&amp;rund:</translation>
    </message>
    <message>
        <source>Left to refund: {amount} (paid by {method})</source>
        <translation>Noch erstattbar: {amount} (bezahlt per {method})</translation>
    </message>
    <message>
        <source>Type the amount as {example}.</source>
        <translation>Geben Sie den Betrag im Format {example} ein.</translation>
    </message>
    <message>
        <source>Give a reason for the refund; the audit log keeps it.</source>
        <translation>Geben Sie einen Grund für die Erstattung an; das Protokoll hält ihn fest.</translation>
    </message>
    <message>
        <source>{amount} refunded to {name}; the credit note is issued.</source>
        <translation>{amount} an {name} erstattet; die Gutschrift ist ausgestellt.</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <source>Refuse booking</source>
        <translation>Buchung ablehnen</translation>
    </message>
    <message>
        <source>&amp;Refuse booking</source>
        <translation>&amp;Buchung ablehnen</translation>
    </message>
    <message>
        <source>The booking is canceled and its time freed; nothing was charged.</source>
        <translation>Die Buchung wird storniert und die Zeit freigegeben; es wurde nichts berechnet.</translation>
    </message>
    <message>
        <source>Reason for the refusal</source>
        <translation>Grund für die Ablehnung</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Give the client a reason for the refusal.</source>
        <translation>Geben Sie dem Kunden einen Grund für die Ablehnung an.</translation>
    </message>
    <message>
        <source>The booking of {name} was refused.</source>
        <translation>Die Buchung von {name} wurde abgelehnt.</translation>
    </message>
</context>
<context>
    <name>RefusePaymentDialog</name>
    <message>
        <source>Refuse</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>The booking is canceled and its time freed; nothing was charged.</source>
        <translation>Die Buchung wird storniert und die Zeit freigegeben; es wurde nichts berechnet.</translation>
    </message>
    <message>
        <source>The purchase is withdrawn and its sessions voided; nothing was charged.</source>
        <translation>Der Kauf wird zurückgezogen und seine Termine werden ungültig; es wurde nichts berechnet.</translation>
    </message>
    <message>
        <source>Reason for the refusal</source>
        <translation>Grund für die Ablehnung</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Give the client a reason for the refusal.</source>
        <translation>Geben Sie dem Kunden einen Grund für die Ablehnung an.</translation>
    </message>
    <message>
        <source>The payment of {name} was refused.</source>
        <translation>Die Zahlung von {name} wurde abgelehnt.</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the reminder</source>
        <translation>Erinnerung schließen</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule session</source>
        <translation>Termin verschieben</translation>
    </message>
    <message>
        <source>{service}, {room} — now on {when}. Pick a new day and time.</source>
        <translation>{service}, {room} — jetzt am {when}. Wählen Sie einen neuen Tag und eine neue Uhrzeit.</translation>
    </message>
    <message>
        <source>&amp;Reschedule</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>Reschedule to the chosen time</source>
        <translation>Auf die gewählte Zeit verschieben</translation>
    </message>
    <message>
        <source>Moving your session…</source>
        <translation>Ihr Termin wird verschoben…</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Check your session and its price.</source>
        <translation>Prüfen Sie Ihren Termin und seinen Preis.</translation>
    </message>
    <message>
        <source>Your account — new here? Create it as you book.</source>
        <translation>Ihr Konto — neu hier? Legen Sie es bei der Buchung an.</translation>
    </message>
    <message>
        <source>no add-ons</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>{service}, {length}, in {room}, with {addons}.
{when} ({zone})</source>
        <translation>{service}, {length}, in {room}, Zusatzleistungen: {addons}.
{when} ({zone})</translation>
    </message>
    <message>
        <source>Promo code {code} applied: you save {amount}.</source>
        <translation>Aktionscode {code} angewendet: Sie sparen {amount}.</translation>
    </message>
    <message>
        <source>Your account is created when you book.</source>
        <translation>Ihr Konto wird bei der Buchung angelegt.</translation>
    </message>
    <message>
        <source>Signed in as {name} ({email}).</source>
        <translation>Angemeldet als {name} ({email}).</translation>
    </message>
    <message>
        <source>The session is booked with your account.</source>
        <translation>Der Termin wird über Ihr Konto gebucht.</translation>
    </message>
</context>
<context>
    <name>RoomsSection</name>
    <message>
        <source>Rooms &amp; setups</source>
        <translation>Räume &amp; Aufbauten</translation>
    </message>
    <message>
        <source>New &amp;room</source>
        <translation>Neuer &amp;Raum</translation>
    </message>
    <message>
        <source>New s&amp;etup</source>
        <translation>Neuer &amp;Aufbau</translation>
    </message>
    <message>
        <source>Room of the setup</source>
        <translation>Raum des Aufbaus</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>R&amp;oom</source>
        <translation>Ra&amp;um</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>A new room</source>
        <translation>Ein neuer Raum</translation>
    </message>
    <message>
        <source>A new setup</source>
        <translation>Ein neuer Aufbau</translation>
    </message>
    <message>
        <source>Give it a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>Add a room first: a setup belongs to a room.</source>
        <translation>Legen Sie zuerst einen Raum an: Ein Aufbau gehört zu einem Raum.</translation>
    </message>
    <message>
        <source>Saved the setup {name}.</source>
        <translation>Aufbau {name} gespeichert.</translation>
    </message>
    <message>
        <source>Saved the room {name}.</source>
        <translation>Raum {name} gespeichert.</translation>
    </message>
</context>
<context>
    <name>ScheduleCanvas</name>
    <message>
        <source>Schedule</source>
        <translation>Terminplan</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>Zahlung ausstehend</translation>
    </message>
    <message>
        <source>{day} · closed</source>
        <translation>{day} · geschlossen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
</context>
<context>
    <name>SchedulePlace</name>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous day or week</source>
        <translation>Vorheriger Tag oder vorherige Woche</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next day or week</source>
        <translation>Nächster Tag oder nächste Woche</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>Date shown</source>
        <translation>Angezeigtes Datum</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Woche</translation>
    </message>
    <message>
        <source>Room shown in the week</source>
        <translation>In der Woche angezeigter Raum</translation>
    </message>
    <message>
        <source>Show &amp;canceled</source>
        <translation>&amp;Stornierte anzeigen</translation>
    </message>
    <message>
        <source>E&amp;xport room calendar…</source>
        <extracomment>The week&apos;s room as a calendar file (.ics), with the reason when unavailable.</extracomment>
        <translation>Raumkalender e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export the room&apos;s week as a calendar file</source>
        <translation>Die Woche des Raums als Kalenderdatei exportieren</translation>
    </message>
    <message>
        <source>Schedule message</source>
        <translation>Meldung zum Terminplan</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Terminplan</translation>
    </message>
    <message>
        <source>The chosen session and today&apos;s arrivals</source>
        <extracomment>The session&apos;s notes (internal ones marked): add, edit with history, delete. Who waits for the chosen session&apos;s time, in line order. The desk&apos;s actions on the selected booking, with the reason any is unavailable. Today&apos;s arrivals and the count awaiting approval; a double click shows one.</extracomment>
        <translation>Der gewählte Termin und die heutigen Ankünfte</translation>
    </message>
    <message>
        <source>Loading the schedule…</source>
        <translation>Terminplan wird geladen…</translation>
    </message>
    <message>
        <source>All rooms (compact)</source>
        <translation>Alle Räume (kompakt)</translation>
    </message>
    <message>
        <source>Week of {day}</source>
        <translation>Woche vom {day}</translation>
    </message>
    <message>
        <source>Sessions shown: {count}</source>
        <translation>Angezeigte Termine: {count}</translation>
    </message>
    <message>
        <source>No sessions on these days.</source>
        <translation>An diesen Tagen gibt es keine Termine.</translation>
    </message>
    <message>
        <source>Show a week and choose a room to export its calendar.</source>
        <translation>Zeigen Sie eine Woche an und wählen Sie einen Raum, um seinen Kalender zu exportieren.</translation>
    </message>
    <message>
        <source>Choose one room to export its calendar.</source>
        <translation>Wählen Sie einen einzelnen Raum, um seinen Kalender zu exportieren.</translation>
    </message>
    <message>
        <source>Moving the session…</source>
        <translation>Termin wird verschoben…</translation>
    </message>
    <message>
        <source>The session is now on {when}.</source>
        <translation>Der Termin ist jetzt am {when}.</translation>
    </message>
    <message>
        <source>The session was not moved: {reason}</source>
        <translation>Der Termin wurde nicht verschoben: {reason}</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Move &amp;outside the rules…</source>
        <translation>&amp;Außerhalb der Regeln verschieben…</translation>
    </message>
    <message>
        <source>Move it there anyway, with a reason kept in the audit log</source>
        <translation>Trotzdem dorthin verschieben, mit einem im Protokoll festgehaltenen Grund</translation>
    </message>
    <message>
        <source>Move outside the rules</source>
        <translation>Außerhalb der Regeln verschieben</translation>
    </message>
    <message>
        <source>Why move the session outside the studio&apos;s rules? (kept in the audit log)</source>
        <translation>Warum soll der Termin außerhalb der Studioregeln verschoben werden? (wird im Protokoll festgehalten)</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>SeriesEditor</name>
    <message>
        <source>{what} prefix</source>
        <translation>Präfix für {what}</translation>
    </message>
    <message>
        <source>Show the year</source>
        <translation>Jahr anzeigen</translation>
    </message>
    <message>
        <source>Start again every year</source>
        <translation>Jedes Jahr neu beginnen</translation>
    </message>
    <message>
        <source>{what} preview</source>
        <translation>Vorschau für {what}</translation>
    </message>
    <message>
        <source>Save the format</source>
        <translation>Format speichern</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Digits at least</source>
        <translation>Mindestanzahl Stellen</translation>
    </message>
    <message>
        <source>Next number</source>
        <translation>Nächste Nummer</translation>
    </message>
    <message>
        <source>locked: {reason}</source>
        <translation>gesperrt: {reason}</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <source>What and how long</source>
        <translation>Was und wie lange</translation>
    </message>
    <message>
        <source>Choose the service and the length of your session.</source>
        <translation>Wählen Sie die Leistung und die Dauer Ihres Termins.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>Session length</source>
        <translation>Termindauer</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Dauer:</translation>
    </message>
</context>
<context>
    <name>ServicesListModel</name>
    <message>
        <source>{name} — {rate} an hour, {shortest} to {longest}</source>
        <translation>{name} — {rate} pro Stunde, {shortest} bis {longest}</translation>
    </message>
</context>
<context>
    <name>ServicesSection</name>
    <message>
        <source>Services</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>New &amp;service</source>
        <translation>Neue L&amp;eistung</translation>
    </message>
    <message>
        <source>Own VAT rate</source>
        <translation>Eigener MwSt.-Satz</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Hourly rate</source>
        <translation>&amp;Stundensatz</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>VAT &amp;rate</source>
        <translation>&amp;MwSt.-Satz</translation>
    </message>
    <message>
        <source>S&amp;hortest</source>
        <translation>&amp;Kürzeste</translation>
    </message>
    <message>
        <source>&amp;Longest</source>
        <translation>&amp;Längste</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>Sch&amp;ritt</translation>
    </message>
    <message>
        <source>Offered on se&amp;tups</source>
        <translation>Angeboten für &amp;Aufbauten</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>A new service</source>
        <translation>Eine neue Leistung</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>{name} · {rate}/h</source>
        <translation>{name} · {rate}/h</translation>
    </message>
    <message>
        <source>Give the service a name.</source>
        <translation>Geben Sie der Leistung einen Namen.</translation>
    </message>
    <message>
        <source>Write the hourly rate as an amount, e.g. {example}.</source>
        <translation>Geben Sie den Stundensatz als Betrag ein, z. B. {example}.</translation>
    </message>
    <message>
        <source>Tick at least one setup the service is offered on.</source>
        <translation>Wählen Sie mindestens einen Aufbau aus, für den die Leistung angeboten wird.</translation>
    </message>
    <message>
        <source>Saved the service {name}.</source>
        <translation>Leistung {name} gespeichert.</translation>
    </message>
</context>
<context>
    <name>SessionStep</name>
    <message>
        <source>The session</source>
        <translation>Der Termin</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Aufbau</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>&amp;Outside the studio&apos;s rules</source>
        <translation>Außerhalb der Studio&amp;regeln</translation>
    </message>
    <message>
        <source>Reason for booking outside the rules</source>
        <translation>Grund für die Buchung außerhalb der Regeln</translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation>Warum (wird im Protokoll festgehalten)</translation>
    </message>
    <message>
        <source>Start time outside the rules</source>
        <translation>Beginn außerhalb der Regeln</translation>
    </message>
    <message>
        <source>Time note</source>
        <translation>Hinweis zur Zeit</translation>
    </message>
    <message>
        <source>&amp;Setup</source>
        <translation>&amp;Aufbau</translation>
    </message>
    <message>
        <source>Ser&amp;vice</source>
        <translation>&amp;Leistung</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Dauer</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Zusatzleistungen</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>Start &amp;time</source>
        <translation>&amp;Beginn</translation>
    </message>
    <message>
        <source>&amp;Payment</source>
        <translation>&amp;Zahlung</translation>
    </message>
    <message>
        <source>{hours:g} h</source>
        <translation>{hours:g} h</translation>
    </message>
    <message>
        <source>The clicked time is not one of the free times for this session: choose another, or book it outside the studio&apos;s rules.</source>
        <translation>Die angeklickte Zeit ist für diesen Termin nicht frei: Wählen Sie eine andere oder buchen Sie außerhalb der Studioregeln.</translation>
    </message>
    <message>
        <source>Bundle credit pays for the session only; add-ons can be added to the booking afterwards and paid on their own.</source>
        <translation>Paketguthaben deckt nur den Termin ab; Zusatzleistungen können der Buchung danach hinzugefügt und separat bezahlt werden.</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>This computer has no working password keyring, so Podyx cannot remember your sign-in. You will need to sign in each time.</source>
        <translation>Auf diesem Computer gibt es keinen funktionierenden Passwortspeicher, daher kann sich Podyx Ihre Anmeldung nicht merken. Sie müssen sich jedes Mal neu anmelden.</translation>
    </message>
</context>
<context>
    <name>SetupChecklist</name>
    <message>
        <source>Your studio is ready. Next:</source>
        <translation>Ihr Studio ist bereit. Als Nächstes:</translation>
    </message>
    <message>
        <source>1. Add a room and its setups</source>
        <translation>1. Einen Raum und seine Aufbauten anlegen</translation>
    </message>
    <message>
        <source>2. Add a service</source>
        <translation>2. Eine Leistung anlegen</translation>
    </message>
    <message>
        <source>3. Set the opening hours</source>
        <translation>3. Die Öffnungszeiten festlegen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>All set: clients can book now.</source>
        <translation>Alles erledigt: Kunden können jetzt buchen.</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Choose a room and setup.</source>
        <translation>Wählen Sie einen Raum und einen Aufbau.</translation>
    </message>
    <message>
        <source>Rooms and setups</source>
        <translation>Räume und Aufbauten</translation>
    </message>
    <message>
        <source>Loading the studio&apos;s rooms…</source>
        <translation>Die Räume des Studios werden geladen…</translation>
    </message>
    <message>
        <source>Nothing can be booked yet.</source>
        <translation>Noch kann nichts gebucht werden.</translation>
    </message>
</context>
<context>
    <name>SetupPlace</name>
    <message>
        <source>Set-up is for managers and owners: ask one of them to change rooms, services, opening hours or staff.</source>
        <translation>Die Einrichtung ist der Leitung und den Inhabern vorbehalten: Bitten Sie eine dieser Personen, Räume, Leistungen, Öffnungszeiten oder Mitarbeiter zu ändern.</translation>
    </message>
    <message>
        <source>Set-up sections</source>
        <translation>Bereiche der Einrichtung</translation>
    </message>
    <message>
        <source>Rooms &amp; setups</source>
        <translation>Räume &amp; Aufbauten</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>Add-ons</source>
        <translation>Zusatzleistungen</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Promo codes</source>
        <translation>Aktionscodes</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Opening hours &amp; closed dates</source>
        <translation>Öffnungszeiten &amp; Schließtage</translation>
    </message>
    <message>
        <source>Tax &amp; receipts</source>
        <translation>Steuern &amp; Belege</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
</context>
<context>
    <name>ShareFileDialog</name>
    <message>
        <source>Share a link with {name}</source>
        <translation>Link mit {name} teilen</translation>
    </message>
    <message>
        <source>Share a file with {name}</source>
        <translation>Datei mit {name} teilen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>No booking (for the client)</source>
        <translation>Keine Buchung (für den Kunden)</translation>
    </message>
    <message>
        <source>{when} · {service}</source>
        <translation>{when} · {service}</translation>
    </message>
    <message>
        <source>For booking:</source>
        <translation>Für Buchung:</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>The client sees it in their Files tab. A link must start with http:// or https://.</source>
        <translation>Der Kunde sieht sie in seinem Tab „Dateien“. Ein Link muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>The file is stored in the studio&apos;s database and the client downloads it from their Files tab, its checksum verified.</source>
        <translation>Die Datei wird in der Datenbank des Studios gespeichert; der Kunde lädt sie in seinem Tab „Dateien“ herunter, wobei ihre Prüfsumme kontrolliert wird.</translation>
    </message>
    <message>
        <source>Choose the file to share</source>
        <translation>Datei zum Teilen auswählen</translation>
    </message>
    <message>
        <source>Paste the address of the file, starting with https://.</source>
        <translation>Fügen Sie die Adresse der Datei ein, beginnend mit https://.</translation>
    </message>
    <message>
        <source>Choose a file that exists on this computer.</source>
        <translation>Wählen Sie eine Datei, die auf diesem Computer vorhanden ist.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Podyx — Sign in</source>
        <translation>Podyx — Anmelden</translation>
    </message>
    <message>
        <source>Loading the studio…</source>
        <translation>Studio wird geladen…</translation>
    </message>
    <message>
        <source>Start-up status</source>
        <translation>Startstatus</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Manage your bookings, bundles, purchases and account.</source>
        <translation>Verwalten Sie Ihre Buchungen, Pakete, Käufe und Ihr Konto.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>Auf diesem Computer &amp;angemeldet bleiben</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Keyring notice</source>
        <translation>Hinweis zum Passwortspeicher</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Meldung zur Anmeldung</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Book without an account</source>
        <translation>Ohne Konto buchen</translation>
    </message>
    <message>
        <source>I have a code from the studio</source>
        <translation>Ich habe einen Code vom Studio</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>At home? Connect to your studio&apos;s server.</source>
        <translation>Zu Hause? Verbinden Sie sich mit dem Studioserver.</translation>
    </message>
    <message>
        <source>Connect to your studio…</source>
        <translation>Mit Ihrem Studio verbinden…</translation>
    </message>
    <message>
        <source>Connect to your studio</source>
        <translation>Mit Ihrem Studio verbinden</translation>
    </message>
    <message>
        <source>Connected to your studio at {address}.</source>
        <translation>Mit Ihrem Studio unter {address} verbunden.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Disconnect from the studio</source>
        <translation>Verbindung zum Studio trennen</translation>
    </message>
    <message>
        <source>This is the demo studio. Try one of these logins:</source>
        <translation>Dies ist das Demo-Studio. Probieren Sie einen dieser Zugänge aus:</translation>
    </message>
    <message>
        <source>Podyx</source>
        <translation>Podyx</translation>
    </message>
    <message>
        <source>{studio} — Sign in</source>
        <translation>{studio} — Anmelden</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>{who} · {role}</source>
        <translation>{who} · {role}</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>Use the login of {who}</source>
        <translation>Zugang von {who} verwenden</translation>
    </message>
    <message>
        <source>Every demo account uses the password {password}</source>
        <translation>Alle Demokonten verwenden das Passwort {password}</translation>
    </message>
    <message>
        <source>Enter your email and password to sign in.</source>
        <translation>Geben Sie zum Anmelden Ihre E-Mail-Adresse und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
</context>
<context>
    <name>SignUpPage</name>
    <message>
        <source>Create your account</source>
        <translation>Ihr Konto anlegen</translation>
    </message>
    <message>
        <source>One account for your bookings, bundles, purchases and receipts.</source>
        <translation>Ein Konto für Ihre Buchungen, Pakete, Käufe und Belege.</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>Auf diesem Computer &amp;angemeldet bleiben</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Sign-up message</source>
        <translation>Meldung zur Registrierung</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>Ich habe bereits ein Konto</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>Zurück zur Anmeldung</translation>
    </message>
</context>
<context>
    <name>SlotPicker</name>
    <message>
        <source>Day of the session</source>
        <translation>Tag des Termins</translation>
    </message>
    <message>
        <source>Free start times</source>
        <translation>Freie Startzeiten</translation>
    </message>
    <message>
        <source>Times are in the studio&apos;s time zone ({zone}).</source>
        <translation>Die Zeiten gelten in der Zeitzone des Studios ({zone}).</translation>
    </message>
    <message>
        <source>&amp;Free times</source>
        <translation>&amp;Freie Zeiten</translation>
    </message>
    <message>
        <source>Choose the session first.</source>
        <translation>Wählen Sie zuerst den Termin aus.</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>Freie Zeiten werden gesucht…</translation>
    </message>
    <message>
        <source>One free start time on this day.</source>
        <translation>Eine freie Startzeit an diesem Tag.</translation>
    </message>
    <message>
        <source>{count} free start times on this day.</source>
        <translation>{count} freie Startzeiten an diesem Tag.</translation>
    </message>
    <message>
        <source>No free times on this day. Try another day.</source>
        <translation>An diesem Tag gibt es keine freien Zeiten. Versuchen Sie einen anderen Tag.</translation>
    </message>
</context>
<context>
    <name>SlotsListModel</name>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>Starts {when}</source>
        <translation>Beginn: {when}</translation>
    </message>
</context>
<context>
    <name>StaffSection</name>
    <message>
        <source>Front desk</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Mitarbeiterkonten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>Change &amp;role</source>
        <translation>&amp;Rolle ändern</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>New one-time &amp;code</source>
        <translation>Neuer Einmal&amp;code</translation>
    </message>
    <message>
        <source>A new staff account</source>
        <translation>Ein neues Mitarbeiterkonto</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Create the &amp;account</source>
        <translation>&amp;Konto anlegen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (deactivated)</source>
        <translation>nein (deaktiviert)</translation>
    </message>
    <message>
        <source>not yet (one-time code)</source>
        <translation>noch nicht (Einmalcode)</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>A staff account needs a name and an email address.</source>
        <translation>Ein Mitarbeiterkonto braucht einen Namen und eine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>{name} can sign in now.</source>
        <translation>{name} kann sich jetzt anmelden.</translation>
    </message>
    <message>
        <source>One-time code for {name}: {code} — hand it over in person; they choose their password with it (“Sign in with a code” on the sign-in screen).</source>
        <translation>Einmalcode für {name}: {code} — übergeben Sie ihn persönlich; damit wird das eigene Passwort festgelegt („Ich habe einen Code vom Studio“ auf dem Anmeldebildschirm).</translation>
    </message>
    <message>
        <source>{name} is {role} now.</source>
        <translation>{name} hat jetzt die Rolle {role}.</translation>
    </message>
    <message>
        <source>{name} is deactivated.</source>
        <translation>{name} ist deaktiviert.</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>{name} ist wieder aktiv.</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>Front desk</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>{studio} — Front desk</source>
        <translation>{studio} — Empfang</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>The audit log is for managers and owners.</source>
        <translation>Das Protokoll ist der Leitung und den Inhabern vorbehalten.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Terminplan</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Set-up</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>{place} (Ctrl+{number})</source>
        <translation>{place} (Strg+{number})</translation>
    </message>
    <message>
        <source>For managers and owners</source>
        <translation>Für Leitung und Inhaber</translation>
    </message>
    <message>
        <source>&amp;New booking…</source>
        <translation>&amp;Neue Buchung…</translation>
    </message>
    <message>
        <source>New booking…</source>
        <translation>Neue Buchung…</translation>
    </message>
    <message>
        <source>Book on a client&apos;s behalf (Ctrl+N)</source>
        <translation>Im Auftrag eines Kunden buchen (Strg+N)</translation>
    </message>
</context>
<context>
    <name>StartProblemPage</name>
    <message>
        <source>The studio&apos;s database cannot be opened</source>
        <translation>Die Datenbank des Studios kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Was nicht stimmt</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>Was Sie tun können</translation>
    </message>
    <message>
        <source>Try again once the file or server is back, or open another Podyx database file on this computer. IT can create or check a database with podyx-admin (see the administrator&apos;s guide).</source>
        <translation>Versuchen Sie es erneut, sobald die Datei oder der Server wieder verfügbar ist, oder öffnen Sie eine andere Podyx-Datenbankdatei auf diesem Computer. Die IT kann mit podyx-admin eine Datenbank anlegen oder prüfen (siehe Administratorhandbuch).</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Choose another database…</source>
        <translation>&amp;Andere Datenbank wählen…</translation>
    </message>
    <message>
        <source>Choose another database</source>
        <translation>Andere Datenbank wählen</translation>
    </message>
    <message>
        <source>Database set by the administrator</source>
        <translation>Vom Administrator festgelegte Datenbank</translation>
    </message>
    <message>
        <source>The database is set by your administrator for this computer; ask IT to change it.</source>
        <translation>Die Datenbank wurde von Ihrem Administrator für diesen Computer festgelegt; bitten Sie die IT, sie zu ändern.</translation>
    </message>
    <message>
        <source>Set by your administrator: ask IT to change the database.</source>
        <translation>Vom Administrator festgelegt: Bitten Sie die IT, die Datenbank zu ändern.</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
</context>
<context>
    <name>StoreCreditDialog</name>
    <message>
        <source>Add store credit</source>
        <translation>Guthaben hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Add store credit</source>
        <translation>&amp;Guthaben hinzufügen</translation>
    </message>
    <message>
        <source>Store credit to add</source>
        <translation>Hinzuzufügendes Guthaben</translation>
    </message>
    <message>
        <source>Reason for the store credit</source>
        <translation>Grund für das Guthaben</translation>
    </message>
    <message>
        <source>Balance now:</source>
        <translation>Aktuelles Guthaben:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Betrag:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>G&amp;rund:</translation>
    </message>
    <message>
        <source>Type a positive amount, as {example}.</source>
        <translation>Geben Sie einen positiven Betrag ein, z. B. {example}.</translation>
    </message>
    <message>
        <source>Give a reason; the audit log keeps it.</source>
        <translation>Geben Sie einen Grund an; das Protokoll hält ihn fest.</translation>
    </message>
    <message>
        <source>{amount} of store credit added for {name}.</source>
        <translation>{amount} Guthaben für {name} hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>StudioNotesPanel</name>
    <message>
        <source>From the studio</source>
        <translation>Vom Studio</translation>
    </message>
    <message>
        <source>Notes from the studio</source>
        <translation>Notizen vom Studio</translation>
    </message>
</context>
<context>
    <name>SyncLabel</name>
    <message>
        <source>Last synced</source>
        <translation>Zuletzt synchronisiert</translation>
    </message>
    <message>
        <source>Synced {time} · {studio}</source>
        <translation>Synchronisiert {time} · {studio}</translation>
    </message>
    <message>
        <source>Offline · {studio}</source>
        <translation>Offline · {studio}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Something went wrong: {detail}. The details are in the log.</source>
        <translation>Etwas ist schiefgelaufen: {detail}. Die Details stehen in der Logdatei.</translation>
    </message>
</context>
<context>
    <name>TaxSection</name>
    <message>
        <source>Tax &amp; receipts</source>
        <translation>Steuern &amp; Belege</translation>
    </message>
    <message>
        <source>Prices include VAT</source>
        <translation>Preise inkl. MwSt.</translation>
    </message>
    <message>
        <source>Save tax &amp;&amp; billing details</source>
        <translation>Steuer- &amp;&amp; Rechnungsdaten speichern</translation>
    </message>
    <message>
        <source>Default VAT rate</source>
        <translation>Standard-MwSt.-Satz</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Registernummer</translation>
    </message>
    <message>
        <source>Bank details (on receipts)</source>
        <translation>Bankverbindung (auf Belegen)</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Credit notes</source>
        <translation>Gutschriften</translation>
    </message>
    <message>
        <source>Shared files</source>
        <translation>Geteilte Dateien</translation>
    </message>
    <message>
        <source>Largest file staff may share</source>
        <translation>Maximale Dateigröße für geteilte Dateien</translation>
    </message>
    <message>
        <source>Save the file limit</source>
        <translation>Dateilimit speichern</translation>
    </message>
    <message>
        <source>Larger files are refused; share a link to a file host instead. Files shared before keep their place.</source>
        <translation>Größere Dateien werden abgelehnt; teilen Sie stattdessen einen Link zu einem Dateihoster. Bereits geteilte Dateien bleiben erhalten.</translation>
    </message>
    <message>
        <source>Only the owner sets the file limit.</source>
        <translation>Nur der Inhaber legt das Dateilimit fest.</translation>
    </message>
    <message>
        <source>Saved the file limit.</source>
        <translation>Dateilimit gespeichert.</translation>
    </message>
    <message>
        <source>Saved the tax and billing details.</source>
        <translation>Steuer- und Rechnungsdaten gespeichert.</translation>
    </message>
    <message>
        <source>Saved the number format.</source>
        <translation>Nummernformat gespeichert.</translation>
    </message>
</context>
<context>
    <name>TermsCheck</name>
    <message>
        <source>The studio&apos;s terms</source>
        <translation>Geschäftsbedingungen des Studios</translation>
    </message>
    <message>
        <source>I accept the studio&apos;s &amp;terms</source>
        <translation>Ich akzeptiere die &amp;Geschäftsbedingungen des Studios</translation>
    </message>
    <message>
        <source>Accept the studio&apos;s terms</source>
        <translation>Geschäftsbedingungen des Studios akzeptieren</translation>
    </message>
</context>
<context>
    <name>TimePage</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Pick a day, then one of its free start times.</source>
        <translation>Wählen Sie einen Tag und dann eine seiner freien Startzeiten.</translation>
    </message>
</context>
<context>
    <name>TimeWaitlist</name>
    <message>
        <source>Waitlist for this time</source>
        <translation>Warteliste für diese Zeit</translation>
    </message>
    <message>
        <source>Show the &amp;waitlist…</source>
        <translation>&amp;Warteliste anzeigen …</translation>
    </message>
    <message>
        <source>Choose a session to see who waits for its time.</source>
        <translation>Wählen Sie einen Termin, um zu sehen, wer auf seine Zeit wartet.</translation>
    </message>
    <message>
        <source>Nobody waits for this time.</source>
        <translation>Niemand wartet auf diese Zeit.</translation>
    </message>
    <message>
        <source>One client waits for this time.</source>
        <translation>Ein Kunde wartet auf diese Zeit.</translation>
    </message>
    <message>
        <source>{count} clients wait for this time.</source>
        <translation>{count} Kunden warten auf diese Zeit.</translation>
    </message>
    <message>
        <source>Held for {name} until {until}.</source>
        <translation>Für {name} reserviert bis {until}.</translation>
    </message>
    <message>
        <source>offered, held until {until}</source>
        <translation>angeboten, reserviert bis {until}</translation>
    </message>
    <message>
        <source>the hold ran out</source>
        <translation>die Reservierung ist abgelaufen</translation>
    </message>
    <message>
        <source>waiting, number {place}</source>
        <translation>wartet, Platz {place}</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>Clients waiting, in line order</source>
        <translation>Wartende Kunden, in Reihenfolge</translation>
    </message>
    <message>
        <source>Times are in the studio&apos;s time zone ({zone}).</source>
        <translation>Zeiten in der Zeitzone des Studios ({zone}).</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Bookings awaiting approval</source>
        <translation>Buchungen, die auf Bestätigung warten</translation>
    </message>
    <message>
        <source>Today&apos;s arrivals</source>
        <translation>Heutige Ankünfte</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Today, {day}</source>
        <translation>Heute, {day}</translation>
    </message>
    <message>
        <source>{count} booking(s) awaiting approval (today and the next {days} days)</source>
        <translation>{count} Buchung(en) warten auf Bestätigung (heute und in den nächsten {days} Tagen)</translation>
    </message>
    <message>
        <source>No bookings await approval.</source>
        <translation>Keine Buchungen warten auf Bestätigung.</translation>
    </message>
    <message>
        <source>No sessions today.</source>
        <translation>Heute keine Termine.</translation>
    </message>
    <message>
        <source>Bundle credit</source>
        <translation>Paketguthaben</translation>
    </message>
    <message>
        <source>Paid ({number})</source>
        <translation>Bezahlt ({number})</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Bestätigung</translation>
    </message>
    <message>
        <source>To pay at the desk</source>
        <translation>Zahlung am Empfang</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open Podyx</source>
        <translation>Podyx öffnen</translation>
    </message>
    <message>
        <source>No upcoming session</source>
        <translation>Kein anstehender Termin</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Podyx</source>
        <translation>Podyx</translation>
    </message>
    <message>
        <source>Your session is coming up</source>
        <translation>Ihr Termin steht bevor</translation>
    </message>
    <message>
        <source>{service} in {room}, {when}</source>
        <translation>{service} in {room}, {when}</translation>
    </message>
    <message>
        <source>Next: {service}, {when}</source>
        <translation>Nächster Termin: {service}, {when}</translation>
    </message>
    <message>
        <source>{session} (awaiting payment)</source>
        <translation>{session} (Zahlung ausstehend)</translation>
    </message>
    <message>
        <source>Podyx — {next}</source>
        <translation>Podyx — {next}</translation>
    </message>
    <message>
        <source>A time you waited for is free</source>
        <translation>Eine Zeit von Ihrer Warteliste ist frei</translation>
    </message>
    <message>
        <source>{room}, {when}: held for you until {until}. Book it on Bookings.</source>
        <translation>{room}, {when}: für Sie reserviert bis {until}. Buchen Sie sie unter „Buchungen“.</translation>
    </message>
</context>
<context>
    <name>TrayChoices</name>
    <message>
        <source>Keep Podyx in the tray when the window is closed</source>
        <translation>Podyx beim Schließen des Fensters im Infobereich behalten</translation>
    </message>
    <message>
        <source>Remind me 24 hours before a session</source>
        <translation>24 Stunden vor einem Termin erinnern</translation>
    </message>
    <message>
        <source>Remind me 1 hour before a session</source>
        <translation>1 Stunde vor einem Termin erinnern</translation>
    </message>
</context>
<context>
    <name>UpcomingExport</name>
    <message>
        <source>E&amp;xport my sessions…</source>
        <translation>Meine Termine e&amp;xportieren…</translation>
    </message>
    <message>
        <source>E&amp;xport sessions…</source>
        <translation>Termine e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export the upcoming sessions as a calendar file</source>
        <translation>Die anstehenden Termine als Kalenderdatei exportieren</translation>
    </message>
    <message>
        <source>Sign in to export your sessions.</source>
        <translation>Melden Sie sich an, um Ihre Termine zu exportieren.</translation>
    </message>
    <message>
        <source>No upcoming sessions to export.</source>
        <translation>Keine anstehenden Termine zum Exportieren.</translation>
    </message>
</context>
<context>
    <name>VatLinesModel</name>
    <message>
        <source>VAT rate</source>
        <translation>MwSt.-Satz</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
</context>
<context>
    <name>WaitlistHoldBox</name>
    <message>
        <source>Waitlist</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>How long a freed time is held</source>
        <translation>Wie lange eine frei gewordene Zeit reserviert bleibt</translation>
    </message>
    <message>
        <source>Save the hold</source>
        <translation>Reservierung speichern</translation>
    </message>
    <message>
        <source>When a taken time frees, the first client waiting for it may book it alone for this long; then it goes to the next.</source>
        <translation>Wird eine belegte Zeit frei, kann nur der erste wartende Kunde sie so lange buchen; danach geht sie an den nächsten.</translation>
    </message>
    <message>
        <source>Hold a freed time for</source>
        <translation>Frei gewordene Zeit reservieren für</translation>
    </message>
    <message>
        <source>Saved the waitlist hold.</source>
        <translation>Reservierungsdauer der Warteliste gespeichert.</translation>
    </message>
</context>
<context>
    <name>WaitlistJoinBox</name>
    <message>
        <source>Taken times</source>
        <translation>Belegte Zeiten</translation>
    </message>
    <message>
        <source>&amp;Join the waitlist</source>
        <translation>Auf die &amp;Warteliste</translation>
    </message>
    <message>
        <source>Join the waitlist for the taken time</source>
        <translation>Für die belegte Zeit auf die Warteliste</translation>
    </message>
    <message>
        <source>&amp;Taken — wait for it:</source>
        <translation>&amp;Belegt — darauf warten:</translation>
    </message>
    <message>
        <source>Sign in to join the waitlist for a taken time.</source>
        <translation>Melden Sie sich an, um sich für eine belegte Zeit auf die Warteliste zu setzen.</translation>
    </message>
    <message>
        <source>No taken times on this day: every time shown above is free.</source>
        <translation>Keine belegten Zeiten an diesem Tag: Jede oben gezeigte Zeit ist frei.</translation>
    </message>
    <message>
        <source>Joining the waitlist…</source>
        <translation>Auf die Warteliste setzen …</translation>
    </message>
    <message>
        <source>You are on the waitlist for {when} ({place} in line). We will tell you if it frees up.</source>
        <translation>Sie stehen auf der Warteliste für {when} (Platz {place}). Wir sagen Ihnen Bescheid, wenn die Zeit frei wird.</translation>
    </message>
</context>
<context>
    <name>WaitlistPanel</name>
    <message>
        <source>Your waitlist</source>
        <translation>Ihre Warteliste</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>Times you are waiting for</source>
        <translation>Zeiten, auf die Sie warten</translation>
    </message>
    <message>
        <source>&amp;Book it</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>Book the time held for you</source>
        <translation>Die für Sie reservierte Zeit buchen</translation>
    </message>
    <message>
        <source>Leave the &amp;waitlist</source>
        <translation>Warteliste &amp;verlassen</translation>
    </message>
    <message>
        <source>Leave the waitlist for this time</source>
        <translation>Die Warteliste für diese Zeit verlassen</translation>
    </message>
    <message>
        <source>{when}, {where}: it is free — held for you until {until} ({zone})</source>
        <translation>{when}, {where}: frei — für Sie reserviert bis {until} ({zone})</translation>
    </message>
    <message>
        <source>{when}, {where}: the hold ran out</source>
        <translation>{when}, {where}: die Reservierung ist abgelaufen</translation>
    </message>
    <message>
        <source>{when}, {where}: waiting, number {place} in line</source>
        <translation>{when}, {where}: wartend, Platz {place}</translation>
    </message>
    <message>
        <source>Only a time held for you can be booked from here.</source>
        <translation>Von hier kann nur eine für Sie reservierte Zeit gebucht werden.</translation>
    </message>
    <message>
        <source>Moving your session…</source>
        <translation>Ihr Termin wird verschoben …</translation>
    </message>
    <message>
        <source>Booking with your bundle…</source>
        <translation>Mit Ihrem Paket buchen …</translation>
    </message>
    <message>
        <source>Your session is now on {when}.</source>
        <translation>Ihr Termin ist jetzt am {when}.</translation>
    </message>
    <message>
        <source>Booked with your bundle: {when}.</source>
        <translation>Mit Ihrem Paket gebucht: {when}.</translation>
    </message>
    <message>
        <source>You left the waitlist for that time.</source>
        <translation>Sie haben die Warteliste für diese Zeit verlassen.</translation>
    </message>
</context>
<context>
    <name>_Section</name>
    <message>
        <source>{section} message</source>
        <translation>Meldung: {section}</translation>
    </message>
</context>
</TS>
