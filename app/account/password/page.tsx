export { ChangePasswordPage as default } from "@/components/auth/change-password-page";
