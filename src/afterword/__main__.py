from afterword.resident import main

main()
