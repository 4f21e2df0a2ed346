"""Composition root: command line, start-up, and the wiring of database, services and GUI."""
