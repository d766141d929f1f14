import type { FormState } from '@/lib/admin-action';

/** A form's state before its first submission (usable from client components); its key is 0. */
export const IDLE_STATE: FormState = { status: 'idle', key: 0 };
