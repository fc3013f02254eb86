<#import "/lib.ftl" as md>
## Sprint ${pack.calendar.sprint} Review - ${pack.calendar.date}

<@md.body/>
