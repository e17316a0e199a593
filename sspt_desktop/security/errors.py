"""Errors about the database key: each tells the person what is safe and what to do next."""


class KeyProblem(Exception):
    """A problem unlocking the database; the database file is never changed by one."""


class WrongPassphrase(KeyProblem):
    """The passphrase typed does not unwrap the key. Nothing was changed."""


class EnvelopeDamaged(KeyProblem):
    """The key file beside the database cannot be read."""


class KeychainUnavailable(KeyProblem):
    """No secure keychain can be used here (none installed, locked, or only an insecure one)."""


class KeyNotInKeychain(KeyProblem):
    """The keychain answered, but holds no key (or another key) for this database."""


class KeyMissingForExistingDatabase(KeyProblem):
    """A database file exists but its key file does not: a new key would lock the data away."""


class UnlockCancelled(KeyProblem):
    """The person chose not to unlock now. Nothing was opened or changed."""
