import { registerMessages } from '../../../i18n/messages'
import { safetyMessages } from '../../../i18n/safety'

/** The safety ledgers' texts join the message table when this subpackage loads: every page imports this module first. */
registerMessages(safetyMessages)
