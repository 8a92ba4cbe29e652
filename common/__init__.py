"""What every app shares and none owns: write-once records, their admin, domain errors."""
