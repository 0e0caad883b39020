import { registerMessages } from '../../../i18n/messages'
import { casesMessages } from '../../../i18n/cases'

/** The case pages' texts join the message table when this subpackage loads: every page imports this module first. */
registerMessages(casesMessages)
