"""五级五长 and the households they look after (户), with the visits (走访) heads and grid workers make."""
