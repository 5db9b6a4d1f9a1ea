import type { PanelStore } from "./store";

/** For admins: the current settings as a managed-policy file to roll out (docs/admin.md). */
export function AdminTemplate({ store }: { store: PanelStore }) {
  const { templateCopied, copyPolicyTemplate } = store();
  return (
    <details class="admin">
      <summary>For admins</summary>
      <p class="help">
        Roll these settings out to everyone with managed policy: this copies a Chrome policy file (Linux JSON form) of the current
        settings and addresses, without any secret. docs/admin.md has the Windows, macOS, Edge and Firefox forms.
      </p>
      <button type="button" class="secondary" onClick={() => copyPolicyTemplate()}>
        Copy policy template
      </button>
      {templateCopied && (
        <>
          <span class={templateCopied.ok ? "note" : "error"} role="status">
            {templateCopied.ok ? " Copied." : " The clipboard refused the copy: select the text below."}
          </span>
          <pre data-testid="policy-template">{templateCopied.text}</pre>
        </>
      )}
    </details>
  );
}
