<#import "/lib.ftl" as md>
## Board Pack - ${pack.calendar.month} ${pack.calendar.year}

<@md.body/>
