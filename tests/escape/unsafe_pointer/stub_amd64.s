// An empty assembly file: it lets the package declare functions without bodies.
