import { registerMessages } from '../../../i18n/messages'
import { employmentMessages } from '../../../i18n/employment'

/** Employment's texts join the message table when this subpackage loads: every page imports this module first. */
registerMessages(employmentMessages)
