// GlossBuild: see DESIGN.md's module table.
