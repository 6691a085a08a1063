/** A light loading circle for the phone's screens. */
export function PhoneSpinner({ isFullScreen = false }: { isFullScreen?: boolean }) {
  const spinner = <div className="phone-spinner" role="progressbar" aria-busy="true" />;
  return isFullScreen ? (
    <div className="phone" style={{ paddingTop: "30vh" }}>
      {spinner}
    </div>
  ) : (
    spinner
  );
}
