import type { FormState } from '@/lib/admin-action';

/** A form's state before its first submission (usable from client components). */
export const IDLE_STATE: FormState = { status: 'idle' };
