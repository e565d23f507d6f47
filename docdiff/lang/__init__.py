"""What docdiff knows about languages: detection and the lexicons, data first."""
