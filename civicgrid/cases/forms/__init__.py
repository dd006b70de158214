"""Forms of the loop: staff forms in ``staff``, residents' forms in ``public``."""
