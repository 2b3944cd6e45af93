import "server-only";
import { refuseWhenPasswordsOff } from "../auth/password-sign-in";
import { createAccount, type SigningInUser } from "./accounts";
import { emailConfirmationRequired, mailEmailCheck } from "./email-check";
import type { SignUpInput } from "./rules";

/**
 * A new password account (as far as SIGNUP allows), and a mail to confirm its address when
 * Parley can send mail. `mustConfirm`: it cannot sign in before the address is confirmed.
 */
export async function signUp(
  input: SignUpInput,
): Promise<{ user: SigningInUser; confirmationSent: boolean; mustConfirm: boolean }> {
  refuseWhenPasswordsOff();
  const user = await createAccount(input);
  const confirmationSent = await mailEmailCheck(user.id);
  return { user, confirmationSent, mustConfirm: confirmationSent && emailConfirmationRequired() };
}
