"""The demo store's known login, shared by the generator, the GUI hint and the smoke test."""

DEMO_OWNER = "owner"
DEMO_PIN = "1234"
