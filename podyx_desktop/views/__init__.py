"""Widgets the user sees: the sign-in and sign-up screens, the main window, one module per
tab, dialogs and small shared widgets.

Views never run SQL or touch ORM objects: they read DTOs from ``podyx_desktop.domain``,
show them through the Qt models in ``podyx_desktop.models``, and ask for work through the
:class:`~podyx_desktop.gui.tasks.TaskRunner` in their :class:`~podyx_desktop.views.common.context.ViewContext`,
which runs service calls off the GUI thread. Every user-visible string goes through
``tr()`` / ``QCoreApplication.translate``.
"""
