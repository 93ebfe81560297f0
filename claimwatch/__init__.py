"""claimwatch: the CLI, config, digests and demo; the only layer that imports all the others."""
