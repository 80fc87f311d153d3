"""Pure rules of 민원 handling: no Qt, no SQL, no I/O. Everything here is callable from any test in microseconds."""
