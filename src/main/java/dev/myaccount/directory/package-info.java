/**
 * An organisation's own directory (OpenLDAP or Active Directory) behind the portal: where it is and how the portal
 * reaches it, passwords checked by binding as the person and written back on change and reset, and its people read
 * on a schedule into the people core.
 */
package dev.myaccount.directory;
