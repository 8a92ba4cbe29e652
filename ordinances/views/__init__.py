"""The drafter's pages, one module per resource: drafts, revisions, the wizard, fixes,
compare, the check page, upgrades, the audit trail, health."""
