"""Browser journeys across apps, told in one world. They live apart from ``civicgrid.testing.tests``, whose world
is built once inside a transaction that the live server's thread could not see."""
