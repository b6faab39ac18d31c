"""The one exception users see: a one-line message naming the problem and the fix."""


class MlpilotError(Exception):
    """A problem with the user's input or environment. The CLI prints it on one line and exits 2."""


class UnclearTarget(MlpilotError):
    """Neither the request nor the data says which column to predict; a person at hand can be asked."""
