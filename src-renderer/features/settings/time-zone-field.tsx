import { useId } from 'react';
import { updateSettings } from './settings-store';

const SYSTEM = '';

function zones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : ['UTC'];
}

/** The time zone Analytics counts days in (charts, cards, tables, reports); default the computer's. */
export function TimeZoneField({ value }: { value: string | null }) {
  const id = useId();
  const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <fieldset className="panel">
      <legend>Analytics</legend>
      <div className="field">
        <label htmlFor={id}>Count days in this time zone</label>
        <select id={id} value={value ?? SYSTEM} onChange={(event) => void updateSettings({ timeZone: event.target.value === SYSTEM ? null : event.target.value })}>
          <option value={SYSTEM}>Same as this computer ({system})</option>
          {zones().map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
