"""Active mode: registration and the roaming scenarios of each role (filled below)."""
