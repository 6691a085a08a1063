import { useId } from "react";

/** A labelled text or password field of the phone's light screens, with its error under it. */
export function PhoneField({
  label,
  value,
  onChange,
  error,
  type = "text",
  autoComplete,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  type?: "text" | "password";
  autoComplete: string;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="phone-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="phone-input"
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        autoCapitalize="none"
        aria-invalid={error !== undefined}
        data-testid={testId}
      />
      {error ? <div className="phone-field-error">{error}</div> : null}
    </div>
  );
}
