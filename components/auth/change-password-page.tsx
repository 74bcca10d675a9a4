import { requirePageSession } from "@/lib/auth/current";
import { AuthCard } from "./auth-card";
import { ChangePasswordForm } from "./change-password-form";

/** The password page of either realm; a due change is explained, and signs every session out after. */
export async function ChangePasswordPage() {
  const session = await requirePageSession({ allowPasswordChange: true });
  return (
    <AuthCard
      title="Change your password"
      subtitle={
        session.mustChangePassword
          ? "You signed in with a temporary password. Choose your own to continue."
          : "Every browser signed in to your account is signed out afterwards."
      }
    >
      <ChangePasswordForm />
    </AuthCard>
  );
}
