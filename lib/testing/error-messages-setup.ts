import { installErrorMessages } from "@/lib/validations/error-map";

installErrorMessages();
