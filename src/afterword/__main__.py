from afterword.cli import main

main()
