// GlossRender: see DESIGN.md's module table.
