from mlpilot.cli import app

app()
