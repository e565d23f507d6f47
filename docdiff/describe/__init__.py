"""Facts about a segmented statement: metadata, parties, leaders, signatories, annotation."""
