"""Pages of the loop: staff pages in ``staff``, residents' pages (no login) in ``public``."""
