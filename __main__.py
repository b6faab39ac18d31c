from mlpilot.cli import main

main()
