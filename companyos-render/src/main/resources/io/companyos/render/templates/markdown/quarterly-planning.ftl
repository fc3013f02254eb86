<#import "/lib.ftl" as md>
## ${pack.title} - Q${pack.calendar.nextQuarter} ${pack.calendar.nextQuarterYear}

<@md.body/>
