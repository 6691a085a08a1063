import { useContext } from "react";
import { PhoneContext, type PhoneState } from "./PhoneContext.js";

/** The phone mode's shared state (inside PhoneApp only). */
export function usePhone(): PhoneState {
  const state = useContext(PhoneContext);
  if (!state) throw new Error("usePhone outside PhoneApp");
  return state;
}
