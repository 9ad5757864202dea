import { useSettingsStore } from '../settings/settings-store';

/** In text-only mode, says what the inbox cannot show, so a missing photo or name is not a mystery. */
export function TextOnlyNote() {
  const textOnly = useSettingsStore((s) => s.data?.textOnlyDms ?? false);
  if (!textOnly) return null;
  return (
    <p className="muted pad" data-text-only-note>
      Text-only messages is on (Privacy): photos, files, and the names and handles of people who wrote are not kept, so they are
      not shown here.
    </p>
  );
}
