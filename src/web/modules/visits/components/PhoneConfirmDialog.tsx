import { useEffect, useId, useRef } from "react";
import type { SignOutQuestion } from "../hooks/useSignOut.js";

/** A light modal question for the phone's header (no Ant Design there): Escape cancels. */
export function PhoneConfirmDialog({
  question,
  onConfirm,
  onCancel,
}: {
  question: SignOutQuestion;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
    const handleKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onCancel();
    };
    window.addEventListener("keydown", handleKey);
    return () => window.removeEventListener("keydown", handleKey);
  }, [onCancel]);
  return (
    <div className="phone-mask">
      <div role="alertdialog" aria-modal="true" aria-labelledby={titleId} className="phone-dialog">
        <h2 id={titleId} data-testid="confirm-title">
          {question.title}
        </h2>
        <div>{question.text}</div>
        <div className="phone-dialog-buttons">
          <button ref={cancelRef} type="button" className="phone-button" onClick={onCancel}>
            {question.cancelText}
          </button>
          <button
            type="button"
            className={`phone-button ${question.isRisky ? "phone-button-danger" : "phone-button-primary"}`}
            onClick={onConfirm}
            data-testid="logout-anyway"
          >
            {question.confirmText}
          </button>
        </div>
      </div>
    </div>
  );
}
