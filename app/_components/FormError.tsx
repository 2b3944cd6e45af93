/** What went wrong with a form, announced to screen readers; nothing when all is well. */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="error" role="alert">
      {message}
    </p>
  ) : null;
}
