// GlossContent: see DESIGN.md's module table.
