<#import "/lib.ftl" as md>
## Weekly Product Metrics - ${pack.calendar.date}

<@md.body/>
