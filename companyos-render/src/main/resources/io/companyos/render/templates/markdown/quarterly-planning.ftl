<#import "/lib.ftl" as md>
## Quarterly Planning - Q${pack.calendar.nextQuarter} ${pack.calendar.nextQuarterYear}

<@md.body/>
