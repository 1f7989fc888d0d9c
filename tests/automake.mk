# Tests: cmocka unit tests and system tests in network namespaces.
