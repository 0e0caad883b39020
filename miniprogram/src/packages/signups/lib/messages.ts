import { registerMessages } from '../../../i18n/messages'
import { signupsMessages } from '../../../i18n/signups'

/**
 * Sign-ups' texts join the message table when this subpackage loads: every page imports this module first, so
 * they are there before any page renders, and the main package does not carry them.
 */
registerMessages(signupsMessages)
