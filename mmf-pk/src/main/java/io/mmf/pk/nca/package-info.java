/**
 * Non-compartmental analysis of measured concentrations: Cmax, Tmax, AUC by linear or
 * linear-up/log-down trapezoids, the terminal rate constant with automatic point selection, AUC to
 * infinity and over an interval. Results are named by CDISC SDTM PP test codes ({@link
 * io.mmf.pk.nca.NcaCode}).
 */
package io.mmf.pk.nca;
