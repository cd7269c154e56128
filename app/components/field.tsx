import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { splitMessage } from "#app/utils/validation";

/** Translates a validation message produced with msg(): "key|{params}" or "ns:key|{params}". */
export function useMessage() {
  const { t } = useTranslation();
  return (message: string) => {
    const { key, params } = splitMessage(message);
    return t(key, { ...params, defaultValue: key }) as string;
  };
}

/**
 * A field's errors, announced as they appear: the alert is a wrapper, so the list inside keeps
 * its list semantics (a `<ul role="alert">` is no longer a list to assistive technology).
 */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const translate = useMessage();
  if (!errors?.length) return null;
  return (
    <div id={id} className="field-errors" role="alert">
      <ul>
        {errors.map((error) => (
          <li key={error}>{translate(error)}</li>
        ))}
      </ul>
    </div>
  );
}

export function FormError({ message }: { message?: string | null }) {
  const translate = useMessage();
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {translate(message)}
    </p>
  );
}

type Common = { label: ReactNode; hint?: ReactNode; errors?: string[] };

function describedBy(hintId: string, errorId: string, hint: unknown, errors?: string[]) {
  return [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
}

/**
 * A label, its hint, the control and its errors: `control` gets the id and the ARIA attributes
 * that tie the control to its hint and its errors.
 */
function FieldFrame({
  label,
  hint,
  errors,
  id,
  control,
}: Common & { id?: string; control: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const fallback = useId();
  const inputId = id ?? fallback;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p className="hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
      {control({
        id: inputId,
        "aria-invalid": errors?.length ? true : undefined,
        "aria-describedby": describedBy(`${inputId}-hint`, `${inputId}-error`, hint, errors),
      })}
      <FieldErrors id={`${inputId}-error`} errors={errors} />
    </div>
  );
}

export function TextField({ label, hint, errors, id, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldFrame label={label} hint={hint} errors={errors} id={id} control={(aria) => <input {...aria} {...props} />} />;
}

/**
 * Rows for a text area that shows all of `text` without scrolling, within `min` and `max`:
 * each paragraph counts its wrapped lines at about `lineChars` characters a line.
 */
export function rowsToFit(text: string, { min = 4, max = 40, lineChars = 80 }: { min?: number; max?: number; lineChars?: number } = {}) {
  const lines = text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / lineChars)), 0);
  // One spare line to type into.
  return Math.min(max, Math.max(min, lines + 1));
}

export function TextAreaField({ label, hint, errors, id, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldFrame label={label} hint={hint} errors={errors} id={id} control={(aria) => <textarea {...aria} {...props} />} />;
}

export function SelectField({
  label,
  hint,
  errors,
  id,
  options,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  const fallback = useId();
  const inputId = id ?? fallback;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p className="hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
      <select
        id={inputId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(`${inputId}-hint`, `${inputId}-error`, hint, errors)}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={`${inputId}-error`} errors={errors} />
    </div>
  );
}

/** A group of radio buttons or checkboxes in a fieldset, with its errors under the legend. */
export function ChoiceGroup({
  legend,
  name,
  type,
  options,
  value,
  errors,
  hint,
  onChange,
}: {
  legend: ReactNode;
  name: string;
  type: "radio" | "checkbox";
  options: readonly { value: string; label: ReactNode }[];
  value?: string | readonly string[] | null;
  errors?: string[];
  hint?: ReactNode;
  /** Makes a radio group controlled: `value` is the choice, `onChange` receives the new one. */
  onChange?: (value: string) => void;
}) {
  const id = useId();
  const selected = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <fieldset className="field choice-group" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <FieldErrors id={`${id}-error`} errors={errors} />
      {options.map((option) => (
        <label key={option.value} className="choice">
          {onChange ? (
            <input type={type} name={name} value={option.value} checked={selected.includes(option.value)} onChange={() => onChange(option.value)} />
          ) : (
            <input type={type} name={name} value={option.value} defaultChecked={selected.includes(option.value)} />
          )}{" "}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
