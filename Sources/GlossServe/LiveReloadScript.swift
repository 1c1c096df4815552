/// The script the preview server adds to every HTML page it sends: it listens
/// to the server's event stream, reloads the page when a new site is in
/// place, and draws the build's diagnostics over the page when a rebuild
/// fails.
///
/// The overlay lives in a shadow root, so the site's stylesheet cannot restyle
/// it and its styles cannot leak into the page. Every piece of text goes in
/// through `textContent`: a diagnostic quotes the user's content, which must
/// never become markup. It is an `alertdialog` that takes focus, can be
/// dismissed with its button or Escape, and returns focus where it was.
enum LiveReloadScript {
    static let path = "/__gloss/live.js"
    static let eventsPath = "/__gloss/events"

    /// The tag added before `</body>`.
    static let tag = Array("<script src=\"\(path)\" defer></script>\n".utf8)

    /// `html` with the script tag before its last `</body>`, or at the end when
    /// it has none.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let needle = Array("</body".utf8)
        var index = html.count - needle.count
        while index >= 0 {
            if zip(html[index ..< index + needle.count], needle).allSatisfy({ lowercased($0) == $1 }) {
                return Array(html[..<index]) + tag + Array(html[index...])
            }
            index -= 1
        }
        return html + tag
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A") ... UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    static let source = #"""
        (() => {
          "use strict";
          const hostId = "gloss-build-errors";
          let returnFocus = null;

          const css = `
            :host { all: initial; }
            .backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20, 20, 24, .55);
              display: flex; align-items: flex-start; justify-content: center; padding: 4vh 1rem; overflow: auto;
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
            .panel { background: #fff; color: #1e1d1b; max-width: 56rem; width: 100%; border-radius: 8px;
              border-top: 6px solid #b3261e; box-shadow: 0 12px 40px rgba(0, 0, 0, .35); padding: 1.25rem 1.5rem 1.5rem; }
            header { display: flex; gap: 1rem; align-items: baseline; justify-content: space-between; }
            h2 { margin: 0; font-size: 1.25rem; color: #b3261e; }
            p { margin: .5rem 0 1rem; color: #4a4843; }
            ol { list-style: none; margin: 0; padding: 0; }
            li { border-top: 1px solid #e3ded4; padding: .75rem 0; }
            .where { font: 600 13px/1.4 ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
              color: #1c4f8c; overflow-wrap: anywhere; }
            .severity { font-weight: 700; text-transform: uppercase; font-size: 12px; letter-spacing: .04em; margin-right: .4em; }
            .error .severity { color: #b3261e; }
            .warning .severity { color: #8a5300; }
            .message { white-space: pre-wrap; overflow-wrap: anywhere; margin-top: .15rem; }
            .note { white-space: pre-wrap; color: #4a4843; margin-top: .25rem;
              font: 13px/1.45 ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
            button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #8c877d;
              background: #f2efe8; color: inherit; cursor: pointer; }
            button:focus-visible { outline: 3px solid #1c6ed6; outline-offset: 2px; }
            @media (prefers-color-scheme: dark) {
              .panel { background: #1f2125; color: #e8e6e1; border-top-color: #ff8a80; }
              h2, .error .severity { color: #ff8a80; }
              p, .note { color: #b5b2ab; }
              li { border-top-color: #34363b; }
              .where { color: #8fb8f2; }
              .warning .severity { color: #f2c26b; }
              button { background: #2a2c31; border-color: #5d5a54; }
            }`;

          function element(name, className, text) {
            const node = document.createElement(name);
            if (className) node.className = className;
            if (text !== undefined && text !== null) node.textContent = String(text);
            return node;
          }

          function hide() {
            const host = document.getElementById(hostId);
            if (!host) return;
            host.remove();
            if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
            returnFocus = null;
          }

          function show(diagnostics) {
            const hadFocus = document.getElementById(hostId) ? returnFocus : document.activeElement;
            const existing = document.getElementById(hostId);
            if (existing) existing.remove();
            returnFocus = hadFocus;
            const errors = diagnostics.filter((d) => d.severity === "error").length;

            const host = element("div");
            host.id = hostId;
            const root = host.attachShadow({ mode: "open" });
            root.appendChild(element("style", null, css));

            const backdrop = element("div", "backdrop");
            const panel = element("div", "panel");
            panel.setAttribute("role", "alertdialog");
            panel.setAttribute("aria-modal", "true");
            panel.setAttribute("aria-labelledby", "gloss-title");
            panel.setAttribute("aria-describedby", "gloss-summary");

            const header = element("header");
            const warnings = diagnostics.length - errors;
            const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
            const title = element("h2", null,
              `Build failed: ${count(errors, "error")}` + (warnings > 0 ? `, ${count(warnings, "warning")}` : ""));
            title.id = "gloss-title";
            const close = element("button", null, "Dismiss");
            close.type = "button";
            close.addEventListener("click", hide);
            header.append(title, close);

            const summary = element("p", null,
              "This page is from the last successful build. Fix the problem and save: the page reloads by itself.");
            summary.id = "gloss-summary";

            const list = element("ol");
            for (const d of diagnostics) {
              const item = element("li", d.severity === "error" ? "error" : "warning");
              if (d.location) item.appendChild(element("div", "where", d.location));
              const message = element("div", "message");
              message.append(element("span", "severity", d.severity), document.createTextNode(d.message));
              item.appendChild(message);
              if (d.note) item.appendChild(element("div", "note", "note: " + d.note));
              list.appendChild(item);
            }

            panel.append(header, summary, list);
            backdrop.appendChild(panel);
            root.appendChild(backdrop);
            // The dialog is modal and has one control: keep Tab on it.
            host.addEventListener("keydown", (event) => {
              if (event.key === "Escape") hide();
              else if (event.key === "Tab") { event.preventDefault(); close.focus(); }
            });
            document.body.appendChild(host);
            close.focus();
          }

          const events = new EventSource("\#(eventsPath)");
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("ok", hide);
          events.addEventListener("errors", (event) => {
            let payload = {};
            try { payload = JSON.parse(event.data); } catch (_) { return; }
            show(Array.isArray(payload.diagnostics) ? payload.diagnostics : []);
          });
        })();

        """#
}
