import { useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { usePhone } from "../hooks/usePhone.js";
import { useSignOut } from "../hooks/useSignOut.js";
import { PhoneConfirmDialog } from "./PhoneConfirmDialog.js";

/**
 * Signs out and forgets the phone's households. With visits still unsent it warns first: signing
 * out deletes them from the phone, and they can no longer be sent. Afterwards the sign-in shows
 * at the same address.
 */
export function PhoneLogoutButton() {
  const t = useT();
  const { unsentCount, user } = usePhone();
  const { questionFor, signOut } = useSignOut(user.id);
  const [isAsking, setIsAsking] = useState(false);

  return (
    <>
      <button
        type="button"
        className="phone-button"
        data-testid="phone-logout"
        onClick={() => setIsAsking(true)}
      >
        {t("session.logout")}
      </button>
      {isAsking ? (
        <PhoneConfirmDialog
          question={questionFor(unsentCount)}
          onCancel={() => setIsAsking(false)}
          onConfirm={() => {
            setIsAsking(false);
            void signOut();
          }}
        />
      ) : null}
    </>
  );
}
